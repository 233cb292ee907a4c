using TrainingApi.Features.Curriculum.Assets;

namespace TrainingApi.Tests.Features.Curriculum;

/// <summary>
/// Samples for the rules the first corpus (<see cref="AccessibilityCorpus"/>) does not cover, written like real module text,
/// each with the findings an auditor would expect (rule and line; anchor "probka", heading level 2, Polish). Some expected
/// findings are ones the checker is known to miss (marked "miss"), so the published recall is not flattered; "clean" samples
/// are near misses that must give nothing. AccessibilityRuleFiguresTests measures every rule on both corpora, as sections of
/// a version with the assets <see cref="VersionAssets"/>.
/// </summary>
public static class AccessibilityRuleCorpus
{
    /// <summary>The version's uploaded assets the samples may refer to as <c>assets/{name}</c>.</summary>
    public static IReadOnlyDictionary<string, AssetFacts> VersionAssets { get; } = new AssetFacts[]
    {
        new("schemat-sieci.png", AssetKind.Image, "image/png", 84_213, new string('a', 64), 1200, 800),
        new("regulamin-naboru.pdf", AssetKind.Attachment, "application/pdf", 1_234_567, new string('b', 64), null, null),
        new("wzor-planu.docx", AssetKind.Attachment, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 45_310, new string('c', 64), null, null),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public static IReadOnlyList<AccessibilityCorpus.Sample> Samples { get; } =
    [
        new("naglowek-pusty",
            """
            ### Wstęp

            Moduł ma dwie części.

            ###

            Druga część jest praktyczna.
            """,
            [new("heading-empty", 5)]),

        new("naglowek-pusty-z-pogrubieniem",
            """
            ### Plan

            Plan ma trzy kroki.

            #### &nbsp;
            """,
            [new("heading-empty", 5)]),

        new("naglowek-tabeli-czesciowo-pusty",
            """
            Podział godzin:

            | | Godziny |
            |---|---|
            | Wykład | 4 |
            | Warsztat | 6 |

            Rozkład zajęć w gminach:

            | Gmina | | Forma |
            |---|---|---|
            | Lipno | 4 | warsztat |
            """,
            [new("table-header-cell-empty", 3), new("table-header-cell-empty", 10)]),

        new("alt-nazwa-pliku-lub-ogolnik",
            """
            Sala po remoncie:

            ![obrazek](https://www.example.gov.pl/sala.png)

            ![IMG_0042.png](https://www.example.gov.pl/IMG_0042.png)

            ![Zdjęcie](https://www.example.gov.pl/szkola.jpg)

            ![DSC01234](https://www.example.gov.pl/DSC01234.jpg)

            ![Obraz 1](https://www.example.gov.pl/obraz1.png)
            """,
            [new("image-alt-generic", 3), new("image-alt-generic", 5), new("image-alt-generic", 7), new("image-alt-generic", 9), new("image-alt-generic", 11) /* miss */]),

        new("obraz-spoza-pakietu",
            """
            Plan pracowni:

            ![Plan pracowni z 24 stanowiskami przy oknach](plan-pracowni.png)

            ![Schemat sieci: router, przełącznik i punkty dostępowe](./obrazy/schemat.svg)
            """,
            [new("image-source-missing", 3), new("image-source-missing", 5)]),

        new("zasob-nieprzeslany",
            """
            Schemat sieci w szkole:

            ![Schemat sieci: router, przełącznik i punkty dostępowe](assets/schemat-sieci-2.png)

            Zasady opisuje [Regulamin naboru (PDF, 1,2 MB)](assets/regulamin.pdf).
            """,
            [new("asset-missing", 3), new("asset-missing", 5)]),

        new("zalacznik-jako-obraz",
            """
            Dokumenty naboru:

            ![Regulamin naboru szkoleń](assets/regulamin-naboru.pdf)

            ![Wzór planu rozwoju cyfrowego szkoły](assets/wzor-planu.docx)
            """,
            [new("asset-kind-mismatch", 3), new("asset-kind-mismatch", 5)]),

        new("zalacznik-bez-formatu-i-rozmiaru",
            """
            Przeczytaj [Regulamin naboru](assets/regulamin-naboru.pdf) przed zgłoszeniem.

            Wypełnij [wzór planu rozwoju (DOCX)](assets/wzor-planu.docx).

            Stara wersja: [Regulamin naboru (PDF, 5 MB)](assets/regulamin-naboru.pdf).
            """,
            [new("attachment-link-undescribed", 1), new("attachment-link-undescribed", 3), new("attachment-link-undescribed", 5)]),

        new("obraz-bez-opisu-i-dekoracyjny",
            """
            Ozdobnik i mapa:

            ![](https://www.example.gov.pl/ornament.svg "dekoracyjny")

            ![](https://www.example.gov.pl/mapa.png)
            """,
            [new("image-alt-missing", 5)]),

        new("linki-niejasne-poza-lista",
            """
            Regulamin znajdziesz [pod tym linkiem](https://www.example.gov.pl/regulamin.pdf).

            Wzory są [na tej stronie](https://www.example.gov.pl/wzory).

            [Kliknij, aby przeczytać więcej](https://www.example.gov.pl/aktualnosci).

            Wyniki: [tutaj znajdziesz więcej informacji](https://www.example.gov.pl/wyniki).

            Pobierz [ten dokument w PDF](https://www.example.gov.pl/plan.pdf).
            """,
            [new("link-text-meaningless", 1), new("link-text-meaningless", 3), new("link-text-meaningless", 5), new("link-text-meaningless", 7),
             new("link-text-meaningless", 9) /* miss */]),

        new("ten-sam-tekst-rozne-cele",
            """
            Przeczytaj [Regulamin programu](https://www.example.gov.pl/regulamin-2024.pdf).

            Starsza wersja: [Regulamin programu](https://www.example.gov.pl/regulamin-2023.pdf).

            Jeszcze raz: [Regulamin programu](https://www.example.gov.pl/regulamin-2024.pdf).
            """,
            [new("link-text-ambiguous", 3)]),

        new("ten-sam-tekst-w-tabeli",
            """
            | Gmina | Plan |
            |---|---|
            | Lipno | [plan rozwoju](https://www.example.gov.pl/lipno.pdf) |
            | Rypin | [plan rozwoju](https://www.example.gov.pl/rypin.pdf) |
            """,
            [new("link-text-ambiguous", 4)]),

        new("link-za-dlugi-w-liscie",
            """
            Do pobrania:

            - [Sprawozdanie końcowe z realizacji pilotażu programu szkoleń dla jednostek samorządu terytorialnego w województwie lubelskim](https://www.example.gov.pl/sprawozdanie.pdf)
            """,
            [new("link-text-too-long", 3)]),

        new("tekst-urzedowy-trudny",
            """
            Niniejszym informujemy, że implementacja rekomendowanych rozwiązań organizacyjno-technologicznych wymaga uprzedniej weryfikacji dostępności infrastruktury teleinformatycznej.

            Ostateczna akceptacja harmonogramu przedsięwzięć inwestycyjnych następuje po przeprowadzeniu konsultacji międzyresortowych.
            """,
            [new("plain-language-hard", 1)]),

        new("pogrubienie-zamiast-naglowka",
            """
            **Cele modułu**

            Moduł uczy planowania zakupów.

            **Zadania:**

            - zebrać dane,
            - ułożyć plan.

            **Uwaga:** termin mija w piątek.

            **Plan trzeba przyjąć do 31 marca.**
            """,
            [new("bold-as-heading", 1), new("bold-as-heading", 5)]),

        new("instrukcje-zmyslowe",
            """
            Pola zaznaczone na czerwono są obowiązkowe.

            Kliknij przycisk po prawej stronie ekranu.

            Wybierz zieloną ikonę, aby zapisać plan.

            Zapisz plan przyciskiem w prawym górnym rogu.

            Wypełnij pola wyróżnione kolorem niebieskim.

            Kliknij okrągły przycisk z ikoną dyskietki.
            """,
            [new("sensory-instruction", 1), new("sensory-instruction", 3), new("sensory-instruction", 5), new("sensory-instruction", 7),
             new("sensory-instruction", 9), new("sensory-instruction", 11)]),

        new("wielkie-litery",
            """
            UWAGA: TERMIN SKŁADANIA WNIOSKÓW MIJA W PIĄTEK.

            Przed wyjściem NIE WYŁĄCZAJ KOMPUTERA W PRACOWNI.

            Szkoły stosują RODO, WCAG i LMS.
            """,
            [new("all-caps", 1), new("all-caps", 3)]),

        new("inne-jezyki-bez-oznaczenia",
            """
            Partnerzy z Niemiec piszą tak. Die Schule braucht einen klaren Plan für die digitale Umstellung.

            La commune doit préparer un plan pour les écoles avant la fin de cette année.

            Батьки можуть записати дитину до школи через інтернет.

            Родители могут подать заявление, если вы живёте рядом со школой.
            """,
            [new("language-unmarked", 1), new("language-unmarked", 3), new("language-unmarked", 5), new("language-unmarked", 7)]),
    ];

    /// <summary>Near misses: text that resembles each new rule's target and must give no finding.</summary>
    public static IReadOnlyList<string> Clean { get; } =
    [
        """
        ### Sala komputerowa

        ![Zdjęcie sali komputerowej: 24 stanowiska w trzech rzędach](https://www.example.gov.pl/sala.jpg)

        ![](https://www.example.gov.pl/linia.svg "dekoracyjny")

        Sala ma nowe biurka. Każde stanowisko ma słuchawki.
        """,

        """
        | Moduł | Godziny | Forma |
        |---|---:|---|
        | Strategia | 4 | warsztat |

        Zespół zebrał się w czerwcu. Spotkanie prowadziła dyrektor szkoły.

        **Uwaga:** plan trzeba przyjąć do 31 marca.

        Szkoły stosują RODO, WCAG i LMS. Dane są w systemie SIO.
        """,

        """
        Przeczytaj [regulamin programu (PDF, 120 kB)](https://www.example.gov.pl/regulamin.pdf) i [harmonogram naboru](https://www.example.gov.pl/harmonogram).

        Drugi raz ten sam link: [regulamin programu (PDF, 120 kB)](https://www.example.gov.pl/regulamin.pdf).

        Zasady opisuje [strona Ministerstwa Edukacji](https://www.gov.pl/web/edukacja).
        """,

        """
        ![Schemat sieci: router, przełącznik i punkty dostępowe](assets/schemat-sieci.png)

        ![](./assets/schemat-sieci.png "dekoracyjny")

        Zasady opisuje [Regulamin naboru (pdf, 1.2 MB)](assets/regulamin-naboru.pdf). Plan pomoże przygotować [wzór planu (DOCX, 45 kB)](assets/wzor-planu.docx).

        Ten sam wzór: [wzór planu (DOCX, 44 KB)](./assets/wzor-planu.docx).
        """,

        """
        ### Pierwszy krok

        Wpisz nazwę szkoły w polu „Nazwa” i wybierz przycisk „Zapisz”. Czerwone obramowanie i komunikat „Pole wymagane” pokazują brak danych.

        Nauczyciele z Ukrainy mówią <span lang="uk">цифровізація школи</span>. W Niemczech mówi się <span lang="de">Digitalisierung</span>.
        """,
    ];
}
