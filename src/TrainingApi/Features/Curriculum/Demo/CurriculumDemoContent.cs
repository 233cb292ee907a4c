namespace TrainingApi.Features.Curriculum.Demo;

/// <summary>One section of the demo programme, as the experts would hand it over.</summary>
/// <param name="Anchor">Lowercase kebab-case, ASCII only.</param>
/// <param name="ParentAnchor">Null for top-level sections.</param>
/// <param name="Kind"><c>module</c>, <c>unit</c>, <c>advisory-guideline</c> or <c>annex</c>.</param>
/// <param name="Title">Polish title.</param>
/// <param name="Markdown">Polish content; headings start one level below the level the section's title is rendered at.</param>
/// <param name="Hours">Didactic hours (45 minutes) of a unit; null for modules (the sum of their units), guidelines and the annex.</param>
/// <param name="Knowledge">Learning outcomes in the Polish Qualifications Framework: knowledge (wiedza).</param>
/// <param name="Skills">Learning outcomes: skills (umiejętności).</param>
/// <param name="SocialCompetences">Learning outcomes: social competences (kompetencje społeczne).</param>
/// <param name="DeliveryForms">Subset of in-person, live-online, e-learning, workshop, blended.</param>
/// <param name="TargetRoles">Subset of jst-leadership, education-department, finance, it-cybersecurity, school-heads.</param>
/// <param name="Authors">Fictional experts.</param>
/// <param name="LegalActs">Citations from <see cref="CurriculumDemoContent.LegalActs"/>.</param>
public sealed record DemoSection(
    string Anchor,
    string? ParentAnchor,
    string Kind,
    string Title,
    string Markdown,
    decimal? Hours,
    string[] Knowledge,
    string[] Skills,
    string[] SocialCompetences,
    string[] DeliveryForms,
    string[] TargetRoles,
    string[] Authors,
    string[] LegalActs);

/// <summary>
/// Demo content of the training programme for local-government (JST) staff who manage the digitalisation of the schools they run:
/// five modules written by five experts, the advisory guidelines, and a glossary.
/// Headings are written for the level each section is rendered at: modules, top-level guidelines and the annex at level 2
/// (so their Markdown starts at ###), units and guideline steps at level 3 (Markdown starts at ####).
/// </summary>
public static class CurriculumDemoContent
{
    public const string ProgrammeTitle = "Zarządzanie cyfryzacją szkół w jednostkach samorządu terytorialnego";

    /// <summary>Shorter than the title's own (…-w-jednostkach-samorzadu-terytorialnego), as a team would choose for an address to cite.</summary>
    public const string ProgrammeSlug = "zarzadzanie-cyfryzacja-szkol";

    private const string Strategy = "dr Anna Wiśniewska";
    private const string Infrastructure = "Tomasz Zieliński";
    private const string Security = "Katarzyna Lewandowska";
    private const string Finance = "Piotr Kamiński";
    private const string Competences = "dr hab. Magdalena Dąbrowska";

    private const string EducationLaw = "Dz.U. 2024 poz. 737";
    private const string CybersecurityAct = "Dz.U. 2024 poz. 1077";
    private const string ProcurementLaw = "Dz.U. 2024 poz. 1320";
    private const string DataProtectionAct = "Dz.U. 2019 poz. 1781";
    private const string DigitalAccessibilityAct = "Dz.U. 2023 poz. 1440";
    private const string MunicipalGovernmentAct = "Dz.U. 2024 poz. 1465";

    /// <summary>
    /// Demo citations in the shape of the Journal of Laws (Dziennik Ustaw); titles and dates are plausible,
    /// not verified against ISAP, and must not be relied on as legal references.
    /// </summary>
    public static IReadOnlyList<(string Citation, string Title, DateOnly Published)> LegalActs { get; } =
    [
        (EducationLaw, "Ustawa z dnia 14 grudnia 2016 r. – Prawo oświatowe (tekst jednolity)", new DateOnly(2024, 5, 17)),
        (CybersecurityAct, "Ustawa z dnia 5 lipca 2018 r. o krajowym systemie cyberbezpieczeństwa (tekst jednolity)", new DateOnly(2024, 7, 19)),
        (ProcurementLaw, "Ustawa z dnia 11 września 2019 r. – Prawo zamówień publicznych (tekst jednolity)", new DateOnly(2024, 9, 4)),
        (DataProtectionAct, "Ustawa z dnia 10 maja 2018 r. o ochronie danych osobowych (tekst jednolity)", new DateOnly(2019, 9, 19)),
        (DigitalAccessibilityAct, "Ustawa z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych (tekst jednolity)", new DateOnly(2023, 7, 24)),
        (MunicipalGovernmentAct, "Ustawa z dnia 8 marca 1990 r. o samorządzie gminnym (tekst jednolity)", new DateOnly(2024, 10, 2)),
    ];

    public static IReadOnlyList<DemoSection> Sections { get; } =
    [
        Module(
            "modul-1",
            "Moduł 1. Strategia i przywództwo w cyfryzacji szkół",
            """
            Moduł pokazuje, jak gmina lub powiat może świadomie kierować cyfryzacją swoich szkół. Uczestnicy uczą się oceniać dojrzałość cyfrową szkół, pisać strategię i prowadzić zmianę razem z dyrektorami.

            ### Dla kogo jest ten moduł

            - dla wójtów, burmistrzów, starostów i ich zastępców,
            - dla kierowników wydziałów edukacji,
            - dla dyrektorów szkół, którzy współtworzą plany gminy.

            Moduł otwiera program. Kolejne moduły rozwijają wątki, które tu tylko sygnalizujemy.
            """,
            knowledge:
            [
                "Zna i rozumie rolę organu prowadzącego w cyfryzacji szkół.",
                "Zna elementy strategii cyfryzacji oświaty i sposoby jej monitorowania.",
            ],
            skills:
            [
                "Potrafi ocenić dojrzałość cyfrową szkół w swojej JST.",
                "Potrafi sformułować mierzalne cele cyfryzacji szkół.",
            ],
            social: ["Jest gotów do prowadzenia zmiany we współpracy z dyrektorami szkół."],
            forms: ["in-person", "workshop", "blended"],
            roles: ["jst-leadership", "education-department", "school-heads"],
            authors: [Strategy],
            acts: [EducationLaw, MunicipalGovernmentAct]),

        Unit(
            "modul-1-1",
            "modul-1",
            "Diagnoza dojrzałości cyfrowej szkół",
            4m,
            """
            Zanim gmina zaplanuje zakupy, musi wiedzieć, od czego zaczyna. Diagnoza pokazuje stan sprzętu, sieci, kompetencji i organizacji pracy w każdej szkole.

            #### Co badamy

            - infrastrukturę: łącza, sieć Wi-Fi, sprzęt w salach i pracowniach,
            - kompetencje cyfrowe dyrektorów, nauczycieli i administracji,
            - sposób korzystania z dziennika elektronicznego i platform do nauki,
            - zasady bezpieczeństwa i ochrony danych.

            #### Jak pracujemy

            Uczestnicy poznają kwestionariusz samooceny szkoły. Uczą się łączyć jego wyniki z danymi z Systemu Informacji Oświatowej. Na warsztacie każdy zespół analizuje wyniki trzech fikcyjnych szkół. Wskazuje ich mocne i słabe strony.

            Efektem zajęć jest mapa potrzeb szkół w gminie. Będzie ona punktem wyjścia do planu rozwoju.
            """,
            knowledge:
            [
                "Zna obszary dojrzałości cyfrowej szkoły: infrastrukturę, kompetencje, organizację i bezpieczeństwo.",
                "Zna źródła danych o szkołach, w tym System Informacji Oświatowej.",
            ],
            skills:
            [
                "Potrafi przeprowadzić samoocenę dojrzałości cyfrowej szkoły.",
                "Potrafi zestawić wyniki kilku szkół w mapę potrzeb gminy.",
            ],
            social: ["Jest gotów do rzetelnego i życzliwego omawiania wyników diagnozy z dyrektorami."],
            forms: ["workshop", "in-person"],
            roles: ["education-department", "school-heads"],
            authors: [Strategy],
            acts: [EducationLaw]),

        Unit(
            "modul-1-2",
            "modul-1",
            "Strategia cyfryzacji oświaty w dokumentach JST",
            4m,
            """
            Cyfryzacja szkół nie może być zbiorem przypadkowych zakupów. Potrzebuje celu, budżetu i osoby, która za nią odpowiada.

            #### Elementy strategii

            1. Wizja: jak mają wyglądać szkoły w gminie za pięć lat.
            2. Cele mierzalne, np. odsetek sal z dobrym zasięgiem Wi-Fi.
            3. Działania, terminy i osoby odpowiedzialne.
            4. Budżet na zakup, utrzymanie i wymianę sprzętu.
            5. Sposób monitorowania i aktualizacji.

            Omawiamy, jak wpisać cyfryzację w strategię rozwoju gminy i w strategię oświatową. Pokazujemy, jak wykorzystać coroczną informację o stanie realizacji zadań oświatowych. Organ prowadzący przygotowuje ją na podstawie ustawy – Prawo oświatowe.

            Na koniec uczestnicy piszą szkic celów dla własnej gminy.
            """,
            knowledge:
            [
                "Zna miejsce cyfryzacji szkół w strategii rozwoju gminy i w strategii oświatowej.",
                "Zna obowiązki sprawozdawcze organu prowadzącego wynikające z ustawy – Prawo oświatowe.",
            ],
            skills:
            [
                "Potrafi napisać szkic strategii cyfryzacji szkół z celami, działaniami i budżetem.",
                "Potrafi dobrać wskaźniki do monitorowania strategii.",
            ],
            social: ["Jest gotów do uzgadniania celów cyfryzacji z radą gminy i dyrektorami szkół."],
            forms: ["in-person", "workshop"],
            roles: ["jst-leadership", "education-department"],
            authors: [Strategy],
            acts: [EducationLaw, MunicipalGovernmentAct]),

        Unit(
            "modul-1-3",
            "modul-1",
            "Przywództwo i zarządzanie zmianą",
            3m,
            """
            Nowy sprzęt niewiele zmieni, jeśli ludzie nie będą chcieli z niego korzystać. Dlatego ta jednostka dotyczy ludzi, a nie technologii.

            #### Tematy

            - rola lidera cyfryzacji w urzędzie i w szkole,
            - jak rozmawiać z dyrektorami i radami pedagogicznymi,
            - jak reagować na opór i zmęczenie zmianą,
            - jak pokazywać małe sukcesy.

            Pracujemy na przykładach z polskich gmin. Uczestnicy ćwiczą też krótkie wystąpienie dla rady gminy. Mają w nim uzasadnić wydatki na cyfryzację szkół.

            Zajęcia prowadzi trener, który od lat pracuje z samorządami. Każdy uczestnik dostaje informację zwrotną o swoim wystąpieniu.
            """,
            knowledge:
            [
                "Zna etapy zmiany w organizacji i typowe źródła oporu.",
                "Zna rolę lidera cyfryzacji w urzędzie i w szkole.",
            ],
            skills:
            [
                "Potrafi przygotować i wygłosić krótkie uzasadnienie wydatków na cyfryzację.",
                "Potrafi zaplanować komunikację zmiany dla dyrektorów i nauczycieli.",
            ],
            social: ["Jest gotów do przyjmowania informacji zwrotnej i do zmiany planu pod jej wpływem."],
            forms: ["workshop", "in-person"],
            roles: ["jst-leadership", "school-heads"],
            authors: [Strategy],
            acts: []),

        Module(
            "modul-2",
            "Moduł 2. Infrastruktura, łączność i cykl życia sprzętu",
            """
            Moduł dotyczy tego, co w cyfryzacji widać najbardziej: łączy, sieci i sprzętu. Uczy planować je na lata, a nie od zakupu do zakupu.

            Uczestnicy dowiadują się, jak ocenić stan sieci w szkole i jak korzystać z Ogólnopolskiej Sieci Edukacyjnej. Uczą się też planować wymianę sprzętu. Moduł łączy wiedzę techniczną z finansową.
            """,
            knowledge:
            [
                "Zna wymagania wobec łączy i sieci w szkołach.",
                "Zna etapy cyklu życia sprzętu i modele wsparcia technicznego.",
            ],
            skills:
            [
                "Potrafi ocenić stan sieci w szkole na podstawie raportu z pomiaru.",
                "Potrafi zaplanować wymianę sprzętu na kilka lat.",
            ],
            social: ["Jest gotów do współpracy ze specjalistami IT i do zadawania im pytań."],
            forms: ["in-person", "live-online", "workshop"],
            roles: ["education-department", "it-cybersecurity", "finance"],
            authors: [Infrastructure],
            acts: [EducationLaw]),

        Unit(
            "modul-2-1",
            "modul-2",
            "Łącza i sieci w szkołach",
            5m,
            """
            Szybkie łącze do budynku to dopiero początek. Uczniowie i nauczyciele korzystają z sieci w salach, więc liczy się też sieć wewnętrzna.

            #### Zakres

            - podłączenie szkół do Ogólnopolskiej Sieci Edukacyjnej (OSE),
            - projekt sieci Wi-Fi: zasięg, liczba punktów dostępowych, sieć dla gości,
            - okablowanie i szafy teletechniczne,
            - zarządzanie siecią wszystkich szkół gminy z jednego miejsca.

            ![Schemat sieci szkolnej: łącze OSE, router z zaporą, przełącznik w szafie, punkty dostępowe w salach, pracownia i osobna sieć dla gości](assets/schemat-sieci-szkolnej.svg)

            #### Minimalne wymagania

            | Element | Wymaganie | Uwagi |
            |---|---|---|
            | Łącze do budynku | co najmniej 100 Mb/s | w OSE zwykle więcej |
            | Wi-Fi w salach | zasięg w każdej sali | pomiar po instalacji |
            | Sieć dla gości | oddzielona od sieci szkoły | osobne hasło |

            Na warsztacie uczestnicy czytają prosty raport z pomiaru sieci. Uczą się, o co pytać wykonawcę. Przy odbiorze instalacji pomaga [lista kontrolna odbioru sieci (PDF, {rozmiar-listy-kontrolnej})](assets/lista-kontrolna-sieci.pdf).
            """,
            knowledge:
            [
                "Zna zasady działania Ogólnopolskiej Sieci Edukacyjnej.",
                "Zna minimalne wymagania wobec sieci Wi-Fi w szkole.",
            ],
            skills:
            [
                "Potrafi odczytać raport z pomiaru sieci bezprzewodowej.",
                "Potrafi sformułować pytania do wykonawcy instalacji sieciowej.",
            ],
            social: ["Jest gotów do weryfikowania deklaracji wykonawców na podstawie pomiarów."],
            forms: ["in-person", "workshop"],
            roles: ["education-department", "it-cybersecurity"],
            authors: [Infrastructure],
            acts: [EducationLaw]),

        Unit(
            "modul-2-2",
            "modul-2",
            "Cykl życia sprzętu i wsparcie techniczne",
            4m,
            """
            Każdy laptop i każda tablica interaktywna kiedyś się zestarzeje. Gmina powinna wiedzieć, kiedy to nastąpi, i mieć na to pieniądze.

            #### Cykl życia w czterech krokach

            1. Planowanie: ustalenie potrzeb i standardu sprzętu.
            2. Zakup i wdrożenie: dostawa, konfiguracja, szkolenie.
            3. Utrzymanie: serwis, aktualizacje, pomoc dla użytkowników.
            4. Wycofanie: bezpieczne usunięcie danych i utylizacja.

            Omawiamy ewidencję sprzętu we wszystkich szkołach gminy. Pokazujemy trzy modele wsparcia technicznego: informatyk w każdej szkole, wspólny zespół w urzędzie albo usługa zewnętrzna.

            Tani sprzęt bywa drogi w utrzymaniu. Dlatego patrzymy na cały okres jego pracy, a nie tylko na cenę. Uczestnicy liczą całkowity koszt posiadania sprzętu w okresie pięciu lat. Porównują go z ceną zakupu. Często różnica jest duża.
            """,
            knowledge:
            [
                "Zna etapy cyklu życia sprzętu w szkole.",
                "Zna modele organizacji wsparcia technicznego dla szkół.",
            ],
            skills:
            [
                "Potrafi obliczyć całkowity koszt posiadania sprzętu.",
                "Potrafi prowadzić wspólną ewidencję sprzętu szkół gminy.",
            ],
            social: ["Jest gotów do planowania wydatków w perspektywie kilku lat, a nie jednego budżetu."],
            forms: ["live-online", "e-learning"],
            roles: ["education-department", "finance", "it-cybersecurity"],
            authors: [Infrastructure],
            acts: []),

        Module(
            "modul-3",
            "Moduł 3. Cyberbezpieczeństwo i ochrona danych osobowych w szkołach",
            """
            Szkoły przetwarzają dane dzieci i coraz częściej padają ofiarą ataków. Moduł wyjaśnia, kto w gminie i w szkole za co odpowiada.

            Uczestnicy poznają obowiązki wynikające z przepisów o cyberbezpieczeństwie i z RODO. Ćwiczą też reakcję na incydent. Aktualne przepisy sprawdzisz w [Internetowym Systemie Aktów Prawnych](https://isap.sejm.gov.pl/).
            """,
            knowledge:
            [
                "Zna obowiązki JST i szkół w krajowym systemie cyberbezpieczeństwa.",
                "Zna zasady ochrony danych osobowych uczniów i pracowników.",
            ],
            skills:
            [
                "Potrafi ocenić podstawowe zabezpieczenia w szkołach gminy.",
                "Potrafi zareagować na incydent zgodnie z procedurą.",
            ],
            social: ["Jest gotów do traktowania bezpieczeństwa jako wspólnej odpowiedzialności urzędu i szkół."],
            forms: ["in-person", "workshop", "e-learning"],
            roles: ["it-cybersecurity", "school-heads", "jst-leadership"],
            authors: [Security],
            acts: [CybersecurityAct, DataProtectionAct]),

        Unit(
            "modul-3-1",
            "modul-3",
            "Krajowy system cyberbezpieczeństwa a szkoły",
            4m,
            """
            Gmina, powiat i ich jednostki są częścią krajowego systemu cyberbezpieczeństwa. Szkoły korzystają z sieci i systemów gminy. Grożą im więc te same ataki.

            #### Tematy

            - obowiązki JST według ustawy o krajowym systemie cyberbezpieczeństwa,
            - zgłaszanie incydentów do właściwego zespołu CSIRT,
            - proste zabezpieczenia: kopie zapasowe, aktualizacje, logowanie dwuetapowe,
            - zasada <span lang="en">security by design</span> przy zakupie nowych systemów.

            Uczestnicy sprawdzają, jak to wygląda w ich gminie. Używają krótkiej listy kontrolnej. Wspólnie ustalamy, które braki trzeba usunąć najpierw.

            Nie trzeba być informatykiem, by zadać dobre pytania. Wystarczy wiedzieć, o co pytać i komu ufać. Tego uczymy na zajęciach.
            """,
            knowledge:
            [
                "Zna obowiązki JST wynikające z ustawy o krajowym systemie cyberbezpieczeństwa.",
                "Zna podstawowe zabezpieczenia systemów i sieci szkolnych.",
            ],
            skills:
            [
                "Potrafi ocenić zabezpieczenia w gminie za pomocą listy kontrolnej.",
                "Potrafi wskazać właściwy zespół CSIRT i sposób zgłoszenia incydentu.",
            ],
            social: ["Jest gotów do zgłaszania incydentów bez szukania winnych."],
            forms: ["in-person", "e-learning"],
            roles: ["it-cybersecurity", "jst-leadership"],
            authors: [Security],
            acts: [CybersecurityAct]),

        Unit(
            "modul-3-2",
            "modul-3",
            "Ochrona danych osobowych uczniów i pracowników",
            4m,
            """
            Szkoła przetwarza dane uczniów, rodziców i nauczycieli. Wiele z nich trafia do systemów, które kupuje lub udostępnia gmina.

            #### Zakres

            - role administratora i podmiotu przetwarzającego w relacji gmina – szkoła,
            - umowy powierzenia z dostawcami dziennika elektronicznego i platform,
            - inspektor ochrony danych: jeden dla wszystkich szkół czy osobny dla każdej,
            - zgłaszanie naruszeń do Prezesa UODO w ciągu 72 godzin.

            Omawiamy typowe błędy. Przykłady to wspólne konta nauczycieli albo zdjęcia uczniów w mediach społecznościowych bez podstawy prawnej. Uczestnicy przygotowują wzór rejestru czynności przetwarzania dla szkoły.
            """,
            knowledge:
            [
                "Zna role administratora i podmiotu przetwarzającego w relacji gmina – szkoła.",
                "Zna zasady zgłaszania naruszeń ochrony danych osobowych.",
            ],
            skills:
            [
                "Potrafi przygotować rejestr czynności przetwarzania dla szkoły.",
                "Potrafi ocenić umowę powierzenia z dostawcą systemu.",
            ],
            social: ["Jest gotów do dbania o prywatność uczniów przy każdej decyzji o nowym narzędziu."],
            forms: ["workshop", "live-online"],
            roles: ["school-heads", "education-department", "it-cybersecurity"],
            authors: [Security],
            acts: [DataProtectionAct]),

        Unit(
            "modul-3-3",
            "modul-3",
            "Reagowanie na incydent – ćwiczenie sztabowe",
            3m,
            """
            To zajęcia praktyczne. Uczestnicy grają role wójta, dyrektora szkoły, informatyka i inspektora ochrony danych.

            #### Scenariusz

            W piątek po południu nauczyciele zgłaszają, że pliki na dysku szkolnym mają dziwne rozszerzenia. Na ekranach pojawia się żądanie okupu. Zespół musi zdecydować, co zrobić w pierwszej godzinie, w pierwszym dniu i w pierwszym tygodniu.

            #### Po ćwiczeniu

            Omawiamy decyzje zespołów. Porównujemy je z procedurą reagowania na incydenty. Każdy uczestnik wychodzi z listą zmian, które wprowadzi w swojej gminie.

            Ćwiczenie nie wymaga wiedzy technicznej. Liczy się współpraca i jasny podział ról.
            """,
            knowledge: ["Zna etapy reagowania na incydent bezpieczeństwa."],
            skills:
            [
                "Potrafi podejmować decyzje w pierwszych godzinach incydentu.",
                "Potrafi ocenić procedurę reagowania na incydenty w swojej JST.",
            ],
            social: ["Jest gotów do działania w zespole pod presją czasu."],
            forms: ["workshop", "in-person"],
            roles: ["it-cybersecurity", "jst-leadership", "school-heads"],
            authors: [Security],
            acts: [CybersecurityAct, DataProtectionAct]),

        Module(
            "modul-4",
            "Moduł 4. Finansowanie, zamówienia publiczne i fundusze UE",
            """
            Cyfryzacja kosztuje nie tylko w dniu zakupu. Moduł uczy planować pieniądze na cały cykl życia sprzętu i usług.

            Uczestnicy poznają źródła finansowania, w tym fundusze Unii Europejskiej i programy krajowe. Uczą się też przygotować zamówienie, które da szkołom to, czego naprawdę potrzebują.
            """,
            knowledge:
            [
                "Zna źródła finansowania cyfryzacji szkół.",
                "Zna tryby udzielania zamówień publicznych na sprzęt i usługi IT.",
            ],
            skills:
            [
                "Potrafi ułożyć wieloletni budżet cyfryzacji szkół.",
                "Potrafi opisać przedmiot zamówienia bez wskazywania marek.",
            ],
            social: ["Jest gotów do odpowiedzialnego gospodarowania środkami publicznymi."],
            forms: ["in-person", "live-online", "workshop"],
            roles: ["finance", "education-department", "jst-leadership"],
            authors: [Finance],
            acts: [ProcurementLaw]),

        Unit(
            "modul-4-1",
            "modul-4",
            "Źródła finansowania i budżet cyfryzacji",
            4m,
            """
            Gminy finansują cyfryzację szkół z kilku źródeł. Każde ma inne zasady i terminy.

            #### Główne źródła

            | Źródło | Na co | Uwagi |
            |---|---|---|
            | Budżet gminy | utrzymanie, serwis, licencje | wydatki stałe, co roku |
            | Subwencja oświatowa | część wydatków bieżących szkół | nie jest przypisana do cyfryzacji |
            | Fundusze UE | sprzęt, szkolenia, projekty | wymagają wkładu własnego |
            | Programy rządowe | np. laptopy dla uczniów | zasady ustala ministerstwo |

            Uczestnicy układają wieloletni budżet cyfryzacji dla fikcyjnej gminy. Sprawdzają, które wydatki wrócą za trzy i za pięć lat. Uczą się też opisywać trwałość projektu unijnego.
            """,
            knowledge:
            [
                "Zna krajowe i unijne źródła finansowania cyfryzacji szkół.",
                "Zna zasady trwałości projektów finansowanych z funduszy UE.",
            ],
            skills:
            [
                "Potrafi ułożyć wieloletni budżet wydatków na cyfryzację.",
                "Potrafi dobrać źródło finansowania do rodzaju wydatku.",
            ],
            social: ["Jest gotów do przejrzystego informowania rady gminy o kosztach cyfryzacji."],
            forms: ["live-online", "e-learning"],
            roles: ["finance", "education-department"],
            authors: [Finance],
            acts: [EducationLaw]),

        Unit(
            "modul-4-2",
            "modul-4",
            "Zamówienia publiczne na sprzęt i usługi IT",
            6m,
            """
            Dobrze opisane zamówienie to połowa sukcesu. Źle opisane kończy się sprzętem, który nie pasuje do szkoły.

            #### Tematy

            - szacowanie wartości zamówienia i wybór trybu według ustawy – Prawo zamówień publicznych,
            - opis przedmiotu zamówienia bez wskazywania marek,
            - kryteria inne niż cena: gwarancja, serwis, zużycie energii, dostępność,
            - wymagania dostępności cyfrowej dla oprogramowania i stron,
            - wspólne zamówienia kilku gmin lub szkół.

            Na warsztacie uczestnicy poprawiają opis przedmiotu zamówienia na laptopy dla nauczycieli. Potem porównują dwie oferty według przyjętych kryteriów. Zajęcia kończą się listą pytań, które warto zadać przed ogłoszeniem przetargu.
            """,
            knowledge:
            [
                "Zna tryby i progi zamówień publicznych.",
                "Zna wymagania dostępności cyfrowej wobec kupowanego oprogramowania.",
            ],
            skills:
            [
                "Potrafi opisać przedmiot zamówienia na sprzęt dla szkół.",
                "Potrafi dobrać kryteria oceny ofert inne niż cena.",
            ],
            social: ["Jest gotów do konsultowania opisu zamówienia z dyrektorami i nauczycielami."],
            forms: ["workshop", "in-person"],
            roles: ["finance", "it-cybersecurity"],
            authors: [Finance],
            acts: [ProcurementLaw, DigitalAccessibilityAct]),

        Module(
            "modul-5",
            "Moduł 5. Kompetencje kadr i współpraca ze szkołami",
            """
            Sprzęt i pieniądze nie wystarczą bez ludzi, którzy umieją z nich korzystać. Moduł dotyczy kompetencji cyfrowych w urzędzie i w szkołach.

            Uczestnicy uczą się planować doskonalenie nauczycieli i budować stałą współpracę z dyrektorami. Poznają też sposoby włączania rodziców i uczniów.
            """,
            knowledge:
            [
                "Zna ramy opisu kompetencji cyfrowych nauczycieli.",
                "Zna formy współpracy JST ze szkołami.",
            ],
            skills:
            [
                "Potrafi zaplanować doskonalenie cyfrowe nauczycieli.",
                "Potrafi powołać i prowadzić zespół ds. cyfryzacji.",
            ],
            social: ["Jest gotów do słuchania dyrektorów, nauczycieli, rodziców i uczniów."],
            forms: ["in-person", "blended", "workshop"],
            roles: ["education-department", "school-heads"],
            authors: [Competences],
            acts: [EducationLaw]),

        Unit(
            "modul-5-1",
            "modul-5",
            "Kompetencje cyfrowe nauczycieli i dyrektorów",
            4m,
            """
            Europejska rama kompetencji cyfrowych nauczycieli opisuje sześć obszarów. Pomaga sprawdzić, co nauczyciele już umieją, a czego muszą się nauczyć.

            #### Zakres

            - badanie potrzeb szkoleniowych w szkołach gminy,
            - współpraca z placówkami doskonalenia nauczycieli,
            - liderzy cyfrowi w szkołach i sieci współpracy,
            - szkolenia stacjonarne, online i w formie e-learning.

            Nie każdy nauczyciel potrzebuje tego samego. Jedni dopiero zaczynają, inni mogą już uczyć kolegów.

            Uczestnicy układają roczny plan doskonalenia dla nauczycieli z kilku szkół. Uwzględniają w nim różne poziomy zaawansowania. Plan zawiera też sposób sprawdzenia, czy szkolenia przyniosły efekt.
            """,
            knowledge:
            [
                "Zna europejską ramę kompetencji cyfrowych nauczycieli.",
                "Zna formy doskonalenia zawodowego nauczycieli.",
            ],
            skills:
            [
                "Potrafi zbadać potrzeby szkoleniowe nauczycieli.",
                "Potrafi ułożyć roczny plan doskonalenia dla kilku szkół.",
            ],
            social: ["Jest gotów do wspierania nauczycieli w ich własnym tempie rozwoju."],
            forms: ["blended", "e-learning"],
            roles: ["education-department", "school-heads"],
            authors: [Competences],
            acts: [EducationLaw]),

        Unit(
            "modul-5-2",
            "modul-5",
            "Współpraca JST ze szkołami i społecznością lokalną",
            3m,
            """
            Cyfryzacja udaje się tam, gdzie gmina i szkoły działają razem. Ta jednostka pokazuje, jak zbudować taką współpracę.

            #### Formy współpracy

            - stały zespół ds. cyfryzacji z udziałem dyrektorów,
            - regularne spotkania i wspólny kalendarz zadań,
            - jasne zasady zgłaszania potrzeb i awarii,
            - informowanie rodziców o zmianach, np. o nowej platformie.

            Uczestnicy projektują zespół ds. cyfryzacji dla swojej gminy. Ustalają jego skład, zadania i sposób pracy. Omawiamy też, jak słuchać uczniów, bo to oni najczęściej korzystają ze sprzętu.

            Zespół spotyka się co najmniej raz na kwartał. Każde spotkanie kończy się listą zadań z terminami.
            """,
            knowledge: ["Zna formy współpracy JST ze szkołami i społecznością lokalną."],
            skills:
            [
                "Potrafi zaprojektować skład i zadania zespołu ds. cyfryzacji.",
                "Potrafi zaplanować informowanie rodziców o zmianach w szkołach.",
            ],
            social: ["Jest gotów do dzielenia się decyzjami z dyrektorami szkół."],
            forms: ["workshop", "in-person"],
            roles: ["education-department", "school-heads", "jst-leadership"],
            authors: [Competences],
            acts: [EducationLaw, MunicipalGovernmentAct]),

        Guideline(
            "wytyczne",
            null,
            "Wytyczne do procesu doradczego dla JST",
            """
            Wytyczne opisują, jak doradca wspiera jednostkę samorządu terytorialnego w cyfryzacji szkół. Proces ma cztery etapy i trwa zwykle od sześciu do dziewięciu miesięcy.

            ### Etapy procesu

            | Etap | Czas trwania | Efekt |
            |---|---|---|
            | Diagnoza dojrzałości cyfrowej | 1–2 miesiące | raport z diagnozy |
            | Plan rozwoju | 1–2 miesiące | plan przyjęty przez JST |
            | Wsparcie we wdrażaniu | 3–4 miesiące | zrealizowane działania |
            | Zamknięcie | 1 miesiąc | raport końcowy |

            Doradca pracuje z zespołem wskazanym przez JST. W zespole są przedstawiciele urzędu i dyrektorzy szkół.

            Każdy etap kończy się spotkaniem, na którym zespół przyjmuje jego efekt. Dopiero potem zaczyna się kolejny etap.
            """,
            authors: [Strategy, Competences],
            acts: [EducationLaw]),

        Guideline(
            "wytyczne-diagnoza",
            "wytyczne",
            "Etap 1. Diagnoza dojrzałości cyfrowej",
            """
            Diagnoza ma odpowiedzieć na pytanie, gdzie dziś są szkoły i urząd. Doradca nie ocenia ludzi, tylko warunki ich pracy.

            #### Kroki

            1. Spotkanie otwierające z kierownictwem JST i dyrektorami.
            2. Ankieta samooceny w każdej szkole.
            3. Wizyty w wybranych szkołach i rozmowy z nauczycielami.
            4. Analiza danych o sprzęcie, łączach i wydatkach.
            5. Raport z diagnozy i jego omówienie z zespołem JST.

            #### Zasady

            Doradca zbiera tylko dane potrzebne do diagnozy. Wyniki szkoły pokazuje najpierw jej dyrektorowi, a dopiero potem umieszcza je w raporcie. Raport pisze prostym językiem i kończy listą najważniejszych potrzeb.
            """,
            authors: [Strategy, Infrastructure],
            acts: [DataProtectionAct]),

        Guideline(
            "wytyczne-plan-rozwoju",
            "wytyczne",
            "Etap 2. Plan rozwoju cyfrowego",
            """
            Plan rozwoju wynika z diagnozy. Powinien być krótki, realistyczny i przyjęty przez organ JST.

            #### Co zawiera plan

            - trzy do pięciu celów na najbliższe trzy lata,
            - działania z terminami i osobami odpowiedzialnymi,
            - budżet i źródła finansowania,
            - wskaźniki, po których poznamy postęp.

            #### Rola doradcy

            Doradca prowadzi warsztaty, na których zespół JST sam wybiera cele. Podpowiada rozwiązania sprawdzone w innych gminach. Nie pisze planu za zespół, bo wtedy nikt nie poczuje się jego właścicielem.

            Plan nie musi być długi. Wystarczy kilka stron, jeśli każdy wie, co ma robić.
            """,
            authors: [Strategy, Finance],
            acts: [EducationLaw, MunicipalGovernmentAct]),

        Guideline(
            "wytyczne-wsparcie",
            "wytyczne",
            "Etap 3. Wsparcie we wdrażaniu planu",
            """
            Na etapie wdrażania JST realizuje plan, a doradca pomaga rozwiązywać problemy. Wsparcie jest dopasowane do potrzeb danej gminy.

            #### Formy wsparcia

            - konsultacje dla urzędu i dyrektorów, na miejscu lub online,
            - pomoc przy opisie zamówień i wniosków o dofinansowanie,
            - przegląd zabezpieczeń i dokumentacji ochrony danych,
            - spotkania sieci współpracy kilku gmin.

            Doradca co miesiąc spisuje krótką notatkę z postępów. Jeśli działanie się opóźnia, razem z zespołem ustala, co zmienić. Zmiany w planie zatwierdza JST.

            Doradca nie zastępuje urzędu. Ma pomóc zespołowi JST działać samodzielnie.
            """,
            authors: [Finance, Security, Competences],
            acts: [ProcurementLaw, CybersecurityAct]),

        Guideline(
            "wytyczne-zamkniecie",
            "wytyczne",
            "Etap 4. Zamknięcie procesu doradczego",
            """
            Proces doradczy kończy się podsumowaniem. Jego celem jest ocena efektów i przygotowanie JST do samodzielnej pracy.

            #### Kroki

            1. Ponowna ankieta w szkołach i porównanie z diagnozą.
            2. Spotkanie podsumowujące z zespołem JST.
            3. Raport końcowy z rekomendacjami na kolejne lata.

            #### Raport końcowy

            Raport pokazuje, co udało się zrobić, a czego nie. Wskazuje osoby, które dalej odpowiadają za cyfryzację szkół. Zawiera też listę materiałów, z których JST może korzystać po zakończeniu wsparcia.

            Raport trafia do kierownictwa JST i do dyrektorów szkół. Doradca omawia go na ostatnim spotkaniu.
            """,
            authors: [Strategy, Competences],
            acts: []),

        new(
            "zalacznik-slownik",
            null,
            "annex",
            "Załącznik. Słownik pojęć",
            """
            Słownik wyjaśnia skróty i pojęcia z programu. Są ułożone według alfabetu. Jeśli czegoś brakuje, napisz do zespołu programu.

            | Pojęcie | Znaczenie |
            |---|---|
            | CSIRT | zespół reagowania na incydenty bezpieczeństwa komputerowego |
            | Dojrzałość cyfrowa | stopień, w jakim szkoła korzysta z technologii w nauczaniu i zarządzaniu |
            | E-learning | nauka przez internet, w dowolnym czasie i miejscu |
            | IOD | inspektor ochrony danych |
            | JST | jednostka samorządu terytorialnego: gmina, powiat lub województwo |
            | OSE | Ogólnopolska Sieć Edukacyjna, sieć łączy dla szkół |
            | Organ prowadzący | JST lub inny podmiot, który prowadzi szkołę |
            | RODO | unijne rozporządzenie o ochronie danych osobowych |
            """,
            null,
            [],
            [],
            [],
            [],
            ["jst-leadership", "education-department", "finance", "it-cybersecurity", "school-heads"],
            [Strategy, Infrastructure, Security, Finance, Competences],
            [EducationLaw, CybersecurityAct, DataProtectionAct]),
    ];

    /// <summary>
    /// The maturity areas (codes of the framework's areas) the programme team tags sections with: every area has at least one
    /// module or unit and one guideline step or module, so a self-assessment's weakest areas always lead somewhere. The
    /// introduction to the guidelines and the glossary help with no area in particular and stay untagged.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> MaturityAreas = new Dictionary<string, string[]>
    {
        ["modul-1"] = ["strategia", "dane"],
        ["modul-1-1"] = ["dane", "strategia"],
        ["modul-1-2"] = ["strategia"],
        ["modul-1-3"] = ["strategia"],
        ["modul-2"] = ["infrastruktura", "sprzet"],
        ["modul-2-1"] = ["infrastruktura"],
        ["modul-2-2"] = ["sprzet"],
        ["modul-3"] = ["cyberbezpieczenstwo"],
        ["modul-3-1"] = ["cyberbezpieczenstwo"],
        ["modul-3-2"] = ["cyberbezpieczenstwo"],
        ["modul-3-3"] = ["cyberbezpieczenstwo"],
        ["modul-4"] = ["finansowanie"],
        ["modul-4-1"] = ["finansowanie"],
        ["modul-4-2"] = ["finansowanie", "sprzet"],
        ["modul-5"] = ["kompetencje", "wspolpraca"],
        ["modul-5-1"] = ["kompetencje"],
        ["modul-5-2"] = ["wspolpraca"],
        ["wytyczne-diagnoza"] = ["dane", "strategia"],
        ["wytyczne-plan-rozwoju"] = ["strategia", "finansowanie", "infrastruktura"],
        ["wytyczne-wsparcie"] = ["kompetencje", "wspolpraca", "cyberbezpieczenstwo", "sprzet"],
        ["wytyczne-zamkniecie"] = ["wspolpraca"],
    };

    // A module's hours are the sum of its units', so it carries none of its own.
    private static DemoSection Module(
        string anchor, string title, string markdown,
        string[] knowledge, string[] skills, string[] social, string[] forms, string[] roles, string[] authors, string[] acts) =>
        new(anchor, null, "module", title, markdown, null, knowledge, skills, social, forms, roles, authors, acts);

    private static DemoSection Unit(
        string anchor, string parent, string title, decimal hours, string markdown,
        string[] knowledge, string[] skills, string[] social, string[] forms, string[] roles, string[] authors, string[] acts) =>
        new(anchor, parent, "unit", title, markdown, hours, knowledge, skills, social, forms, roles, authors, acts);

    // Guidelines advise the advisers; they are not taught, so they carry no hours, outcomes or delivery forms.
    private static DemoSection Guideline(string anchor, string? parent, string title, string markdown, string[] authors, string[] acts) =>
        new(anchor, parent, "advisory-guideline", title, markdown, null, [], [], [], [],
            ["jst-leadership", "education-department", "school-heads"], authors, acts);
}
