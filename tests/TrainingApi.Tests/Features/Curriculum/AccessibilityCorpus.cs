namespace TrainingApi.Tests.Features.Curriculum;

/// <summary>
/// Markdown samples for the accessibility check and the Markdown safety validation, with the exact findings expected.
/// Every sample is meant to be checked with anchor "probka", baseHeadingLevel 2 and documentLanguage "pl".
/// Lines are 1-based lines of the sample's Markdown.
/// </summary>
public static class AccessibilityCorpus
{
    public sealed record ExpectedFinding(string Rule, int Line);

    public sealed record Sample(string Name, string Markdown, IReadOnlyList<ExpectedFinding> Expected);

    /// <summary>Samples that break rules; each lists every finding it produces, of any severity.</summary>
    public static IReadOnlyList<Sample> WithViolations { get; } =
    [
        new("obraz-bez-tekstu-alternatywnego",
            """
            ### Pracownia po modernizacji

            Nowa pracownia ma dwadzieścia cztery stanowiska dla uczniów.

            ![](https://www.example.gov.pl/pracownia-po-modernizacji.jpg)
            """,
            [new("image-alt-missing", 5)]),

        new("tekst-alternatywny-za-dlugi",
            """
            Schemat pokazuje sieć w szkole.

            ![Schemat sieci szkolnej: router brzegowy, przełącznik rdzeniowy, trzy przełączniki dostępowe na piętrach, dwanaście punktów dostępowych Wi-Fi oraz serwer plików w szafie](https://www.example.gov.pl/schemat-sieci.png)
            """,
            [new("alt-text-too-long", 3)]),

        new("link-bez-tekstu",
            """
            Wzór wniosku jest na stronie ministerstwa: [](https://www.gov.pl/web/edukacja).
            """,
            [new("link-text-empty", 1)]),

        new("linki-bez-znaczenia",
            """
            Regulamin naboru opisuje zasady udziału. Aby go pobrać, [kliknij tutaj](regulamin.pdf).

            - Plan szkoleń: [Więcej…](harmonogram.html)
            - Lista kontaktów: [TUTAJ!](kontakty.html)
            - Raport z badania: [Read more](raport.pdf)
            - Wyniki ankiety: [szczegóły](ankieta.html)
            - Strona projektu: [here](https://example.org/projekt)
            """,
            [
                new("link-text-meaningless", 1),
                new("link-text-meaningless", 3),
                new("link-text-meaningless", 4),
                new("link-text-meaningless", 5),
                new("link-text-meaningless", 6),
                new("link-text-meaningless", 7),
            ]),

        new("link-za-dlugi",
            """
            Wyniki badania są już gotowe. Zebraliśmy je w jednym pliku. Przeczytaj [raport o stanie cyfryzacji szkół podstawowych i ponadpodstawowych w województwie mazowieckim w latach 2020–2024 wraz z rekomendacjami](raport.pdf). Raport ma tylko osiem stron. Są w nim też wnioski dla gmin. Każda gmina dostała go pocztą.
            """,
            [new("link-text-too-long", 1)]),

        new("naglowki-z-pominietym-poziomem",
            """
            #### Cele modułu

            Moduł ma trzy cele.

            ### Treści

            ##### Ćwiczenia
            """,
            [new("heading-level-skipped", 1), new("heading-level-skipped", 7)]),

        new("naglowki-na-poziomie-tytulu-sekcji",
            """
            # Moduł 1. Strategia

            Treść modułu jest krótka.

            ## Cele

            ### Efekty uczenia się
            """,
            [new("heading-level-too-high", 1), new("heading-level-too-high", 5)]),

        new("tabela-bez-naglowka",
            """
            Podział godzin w module:

            |   |   |
            |---|---|
            | Wykład | 4 h |
            | Warsztat | 6 h |
            """,
            [new("table-header-missing", 3)]),

        new("jezyk-nieoznaczony",
            """
            Komisja Europejska ujmuje to krótko. The school should have a clear plan for its digital transformation. Ten cytat dobrze pokazuje cel programu.

            Please send the signed form to the project office before the end of the month.
            """,
            [new("language-unmarked", 1), new("language-unmarked", 3)]),

        new("zdanie-za-dlugie",
            """
            Plan rozwoju ma kilka części. Każda część ma swój cel.

            Gmina opisuje stan sieci w każdej szkole, sprawdza wiek komputerów i tablic, zbiera opinie dyrektorów, nauczycieli i rodziców, a potem ustala, co kupić w pierwszej kolejności i za ile.

            Plan przyjmuje rada gminy. Potem gmina go realizuje.
            """,
            [new("sentence-too-long", 3)]),

        new("tekst-trudny",
            """
            Przedmiotowe rozporządzenie wprowadza obligatoryjną inwentaryzację infrastruktury teleinformatycznej w placówkach oświatowych prowadzonych przez jednostki samorządu terytorialnego.

            Organizacyjne uwarunkowania implementacji rekomendowanych rozwiązań technologicznych determinują efektywność wykorzystania dofinansowania pochodzącego z programów operacyjnych.
            """,
            [new("plain-language-hard", 1)]),

        new("wiele-bledow-w-module",
            """
            # Wprowadzenie

            ![](https://www.example.gov.pl/schemat-programu.png)

            Szczegóły programu opisuje dokument. Aby go otworzyć, [kliknij tutaj](program.pdf).

            #### Zadania na start
            """,
            [
                new("heading-level-too-high", 1),
                new("image-alt-missing", 3),
                new("link-text-meaningless", 5),
                new("heading-level-skipped", 7),
            ]),

        new("tabela-link-i-jezyk",
            """
            ### Materiały dla uczestników

            |   |   |
            |---|---|
            | Poradnik | [link](poradnik.pdf) |
            | Słownik | [słownik pojęć cyfrowych](slownik.pdf) |

            Please read the guide and share it with all of your teachers before the training.
            """,
            [
                new("table-header-missing", 3),
                new("link-text-meaningless", 5),
                new("language-unmarked", 8),
            ]),

        new("dlugie-zdanie-pusty-link-i-dlugi-alt",
            """
            Zespół zebrał dane. Wyniki są w tabeli.

            Dyrektorzy szkół, którzy wzięli udział w badaniu, wskazali, że największym problemem jest brak stałego wsparcia technicznego, stare komputery w pracowniach oraz zbyt wolne łącze w budynkach filii.

            Pełne wyniki: [](wyniki.xlsx)

            ![Wykres słupkowy: odsetek szkół z łączem o przepustowości co najmniej 100 Mb/s w latach 2019–2024, osobno dla szkół miejskich, podmiejskich i wiejskich; wartości rosną z 41 do 87 procent](https://www.example.gov.pl/wykres.png)
            """,
            [
                new("sentence-too-long", 3),
                new("link-text-empty", 5),
                new("alt-text-too-long", 7),
            ]),
    ];

    /// <summary>Realistic Polish sections that produce no finding of any severity.</summary>
    public static IReadOnlyList<string> Clean { get; } =
    [
        """
        ### Cele modułu

        Po module uczestnik wie, jak zaplanować cyfryzację szkół w gminie. Umie też ocenić, czego szkoły potrzebują najpierw.

        #### Co zrobimy na zajęciach

        1. Omówimy wyniki diagnozy szkół.
        2. Ustalimy cele na trzy lata.
        3. Przypiszemy zadania do osób.

        #### Czego potrzebujesz

        - laptopa z dostępem do Wi-Fi,
        - konta na platformie e-learning,
        - wyników ankiety z twojej gminy.
        """,

        """
        ### Plan godzin

        Moduł trwa dwanaście godzin. Zajęcia są w dwóch formach.

        | Część | Forma | Godziny |
        |---|---|---:|
        | Diagnoza szkół | warsztat | 4 |
        | Plan rozwoju | zajęcia online | 4 |
        | Zakupy i budżet | warsztat | 4 |

        Zajęcia online są w aplikacji Microsoft Teams. Link do spotkania dostaniesz mailem.
        """,

        """
        Wzory dokumentów są na stronie programu. Pobierz [wzór planu rozwoju cyfrowego szkoły (DOCX, 45 kB)](wzor-planu.docx) i uzupełnij go z dyrektorem.

        Przepisy znajdziesz w [Internetowym Systemie Aktów Prawnych](https://isap.sejm.gov.pl/). Adres strony programu to <https://www.gov.pl/web/edukacja>. Możesz też wpisać [https://www.gov.pl/web/cyfryzacja](https://www.gov.pl/web/cyfryzacja).

        Pytania wyślij na adres <szkolenia@example.gov.pl>.
        """,

        """
        ### Sieć w szkole

        Dobra sieć w szkole ma trzy warstwy. Rysunek pokazuje, jak są połączone.

        ![Schemat sieci: łącze od operatora, zapora, przełącznik główny i punkty dostępowe Wi-Fi w salach](https://www.example.gov.pl/schemat-sieci-szkolnej.png)

        Każda sala ma własny punkt dostępowy. Sieć dla gości jest oddzielona od sieci szkoły.
        """,

        """
        ### Zasada domyślnej ochrony danych

        RODO wymaga, by system chronił dane od początku. W języku angielskim ta zasada brzmi: <span lang="en">data protection by design and by default</span>.

        > <span lang="en">The school should know what data it holds, why it holds them and who can see them.</span>

        Ten cytat warto pokazać dyrektorom. Pomaga zacząć rozmowę o danych uczniów.
        """,

        """
        ### Narzędzia do nauki zdalnej

        Szkoły w gminie używają dwóch platform. Część szkół ma Microsoft Teams, a część Google Workspace for Education. Nauczyciele korzystają też z dziennika elektronicznego i systemu LMS.

        Przed zakupem sprawdź, czy platforma:

        - działa na starszych laptopach,
        - ma polską wersję językową,
        - spełnia wymagania WCAG 2.1 na poziomie AA.

        Wybór platformy należy do dyrektora. Gmina pomaga w zakupie licencji.
        """,

        """
        ### Podstawa prawna

        Zadania gminy opisuje ustawa – Prawo oświatowe (Dz.U. 2024 poz. 737). Według art. 10 ust. 1 organ prowadzący zapewnia szkole warunki pracy. Chodzi m.in. o sprzęt i łącze.

        Plan trzeba przyjąć do 31 marca 2025 r. Potem gmina ogłasza zakupy.

        Do polecenia `ping` wrócimy na warsztacie.
        """,
    ];

    /// <summary>Markdown that <c>MarkdownSafety.Validate</c> must refuse.</summary>
    public static IReadOnlyList<string> Unsafe { get; } =
    [
        """
        Wstęp do modułu.

        <script>alert("xss")</script>
        """,
        "Zdjęcie pracowni: <img src=\"pracownia.jpg\" onerror=\"alert(1)\">",
        "<iframe src=\"https://example.com/film\"></iframe>",
        "Pobierz [regulamin](javascript:alert(1)).",
        "![Wykres wyników](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)",
        "Pobierz [regulamin](java&#115;cript:alert(1)).",
        "Pobierz [regulamin](&#x6A;avascript:alert(1)).",
        "Pobierz [regulamin](JaVaScRiPt:alert(1)).",
        "Pobierz [regulamin](   javascript:alert(1)).",
        "Pobierz [formularz](vbscript:msgbox(1)).",
        "Adres: <javascript:alert(1)>",
        """
        Pobierz [regulamin][r].

        [r]: javascript:alert(1)
        """,
        """
        <div>
        Treść w bloku HTML.
        </div>
        """,
        "To jest <div>wewnątrz akapitu</div>.",
        "<span style=\"color:red\">Uwaga</span> na termin.",
        "<span onclick=\"alert(1)\">Kliknij</span> przycisk.",
        "<span lang=\"en\" title=\"cytat\">quote</span>",
        "Strona <a href=\"https://www.gov.pl\">ministerstwa</a>.",
        "Komentarz <!-- ukryta treść --> w tekście.",
        "Niezamknięty znacznik <span lang=\"en\">quote bez końca.",
    ];
}
