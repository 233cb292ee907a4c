namespace TrainingApi.Features.Advisory.Maturity;

/// <summary>One statement a respondent scores 1–5 (or n/a): how true it is of the JST.</summary>
/// <param name="Help">Plain Polish for a municipal official who is not an IT specialist: what the statement asks about and what a 5 and a 1
/// look like, so that respondents of different JST read the scale the same way.</param>
public sealed record MaturityStatement(string Id, string Text, string Help);

public sealed record MaturityArea(string Code, string Name, string NameEn, IReadOnlyList<MaturityStatement> Statements);

/// <summary>
/// The digital-maturity framework for how a JST manages the digitalisation of the schools it runs (docs/advisory.md,
/// Advisory), shipped with the project and versioned: a diagnosis records the version it was scored against, and a
/// new version is a new entry here, never an edit of an old one.
/// </summary>
public sealed record MaturityFramework(string Version, string Title, IReadOnlyList<MaturityArea> Areas)
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public IEnumerable<MaturityStatement> Statements => Areas.SelectMany(a => a.Statements);

    public MaturityArea? AreaOf(string statementId) => Areas.FirstOrDefault(a => a.Statements.Any(s => s.Id == statementId));

    public static readonly MaturityFramework V2024 = new("2024.1", "Ramowy model dojrzałości cyfrowej JST w zarządzaniu cyfryzacją szkół",
    [
        new("strategia", "Strategia i przywództwo", "Strategy and leadership",
        [
            new("strategia-1", "JST ma przyjęty dokument (strategię lub program), który określa cele cyfryzacji prowadzonych szkół.",
                "Chodzi o dokument przyjęty przez radę lub kierownictwo JST (np. strategię oświatową albo program cyfryzacji), w którym zapisano cele cyfryzacji szkół. 5 – taki dokument jest przyjęty i aktualny; 1 – go nie ma, a cele istnieją najwyżej w rozmowach."),
            new("strategia-2", "Cele cyfryzacji szkół są powiązane z budżetem JST i mają mierniki realizacji.",
                "Chodzi o to, czy na każdy cel zaplanowano pieniądze i czy wiadomo, po czym poznać, że cel osiągnięto (np. liczba sal z Wi-Fi). 5 – każdy cel ma środki w budżecie i miernik; 1 – cele nie mają ani środków, ani mierników."),
            new("strategia-3", "W urzędzie wskazano osobę odpowiedzialną za koordynację cyfryzacji szkół.",
                "Chodzi o konkretną osobę, która ma koordynację cyfryzacji szkół w zakresie obowiązków i którą znają dyrektorzy. 5 – taka osoba jest wskazana na piśmie i ma czas na to zadanie; 1 – nikt za to nie odpowiada."),
            new("strategia-4", "Kierownictwo JST co najmniej raz w roku omawia postęp cyfryzacji szkół.",
                "Chodzi o regularne omawianie postępu przez wójta, burmistrza, prezydenta miasta, starostę lub zarząd, np. na podstawie krótkiego raportu. 5 – dzieje się to co najmniej raz w roku i wynikają z tego decyzje; 1 – kierownictwo nie zajmuje się tym tematem."),
        ]),
        new("infrastruktura", "Infrastruktura i łączność", "Infrastructure and connectivity",
        [
            new("infrastruktura-1", "Wszystkie szkoły mają szerokopasmowy dostęp do internetu wystarczający do pracy całych klas.",
                "Chodzi o łącze, przez które cała klasa może jednocześnie pracować w internecie, np. pisać test online. 5 – tak jest we wszystkich szkołach; 1 – w większości szkół łącze nie wystarcza nawet jednej klasie."),
            new("infrastruktura-2", "Sieć wewnętrzna (Wi-Fi) obejmuje wszystkie sale lekcyjne.",
                "Chodzi o działające Wi-Fi w każdej sali, w której są lekcje, a nie tylko w sekretariacie czy pokoju nauczycielskim. 5 – zasięg jest w każdej sali wszystkich szkół; 1 – Wi-Fi jest tylko w pojedynczych pomieszczeniach albo go nie ma."),
            new("infrastruktura-3", "JST zna stan infrastruktury sieciowej każdej szkoły i aktualizuje tę wiedzę.",
                "Chodzi o aktualny spis łączy, urządzeń sieciowych i zasięgu Wi-Fi w każdej szkole, sprawdzany co najmniej raz w roku. 5 – JST ma taki spis dla wszystkich szkół i go aktualizuje; 1 – JST nie wie, jaką sieć mają szkoły."),
        ]),
        new("sprzet", "Cykl życia sprzętu", "Equipment lifecycle",
        [
            new("sprzet-1", "JST prowadzi aktualną ewidencję sprzętu cyfrowego w szkołach.",
                "Chodzi o jeden spis komputerów, laptopów, tablic i innego sprzętu szkół, z rokiem zakupu i stanem, dostępny dla JST. 5 – spis obejmuje wszystkie szkoły i jest aktualny; 1 – spisu nie ma albo jest tylko w księgowości, bez stanu sprzętu."),
            new("sprzet-2", "Wymiana sprzętu jest planowana z wyprzedzeniem, a nie tylko w razie awarii.",
                "Chodzi o plan wymiany sprzętu na kilka lat naprzód, oparty na jego wieku i stanie. 5 – plan istnieje i jest realizowany; 1 – sprzęt wymienia się dopiero wtedy, gdy się zepsuje."),
            new("sprzet-3", "Szkoły mają zapewnione wsparcie serwisowe sprzętu.",
                "Chodzi o to, czy szkoła wie, kogo wezwać do naprawy lub konfiguracji sprzętu, i czy pomoc przychodzi w rozsądnym czasie. 5 – wszystkie szkoły mają umowę serwisową lub informatyka z ustalonym czasem reakcji; 1 – szkoły radzą sobie same."),
            new("sprzet-4", "Zużyty sprzęt jest wycofywany i utylizowany zgodnie z przepisami, z bezpiecznym usunięciem danych.",
                "Chodzi o ustalony sposób wycofania starego sprzętu: spisanie go, trwałe usunięcie danych z dysków i oddanie uprawnionemu odbiorcy. 5 – sposób jest spisany i stosowany we wszystkich szkołach; 1 – zużyty sprzęt leży w magazynach albo jest oddawany bez usunięcia danych."),
        ]),
        new("cyberbezpieczenstwo", "Cyberbezpieczeństwo i ochrona danych", "Cybersecurity and data protection",
        [
            new("cyberbezpieczenstwo-1", "Szkoły stosują wspólne zasady bezpieczeństwa informacji uzgodnione z JST.",
                "Chodzi o jedne zasady dla wszystkich szkół, np. dotyczące haseł, dostępu do systemów i używania prywatnych urządzeń. 5 – zasady są spisane, uzgodnione z JST i stosowane; 1 – każda szkoła robi to po swojemu albo zasad nie ma."),
            new("cyberbezpieczenstwo-2", "Kopie zapasowe kluczowych danych szkół są wykonywane i sprawdzane.",
                "Chodzi o regularne kopie danych, bez których szkoła nie może pracować (np. dokumentacji uczniów), i o sprawdzanie, czy da się z nich odtworzyć dane. 5 – kopie są robione automatycznie, a odtwarzanie jest sprawdzane; 1 – kopii nie ma albo nikt nie wie, czy są."),
            new("cyberbezpieczenstwo-3", "Pracownicy szkół przechodzą regularne szkolenia z cyberbezpieczeństwa.",
                "Chodzi o szkolenia dla nauczycieli i administracji, np. jak rozpoznać podejrzaną wiadomość albo fałszywą stronę logowania. 5 – wszyscy pracownicy są szkoleni co najmniej raz w roku; 1 – takich szkoleń nie było."),
            new("cyberbezpieczenstwo-4", "Jest ustalony sposób zgłaszania i obsługi incydentów bezpieczeństwa.",
                "Chodzi o to, czy pracownik szkoły wie, komu i jak zgłosić np. przejęcie konta, wyciek danych albo zaszyfrowanie plików, i czy ktoś takie zgłoszenie obsłuży. 5 – sposób jest spisany, znany w szkołach i przećwiczony; 1 – nie ma żadnych ustaleń."),
            new("cyberbezpieczenstwo-5", "Przetwarzanie danych osobowych uczniów w usługach cyfrowych ma podstawę prawną i umowy powierzenia.",
                "Chodzi o to, czy dla każdej usługi, która przetwarza dane uczniów (np. dziennika elektronicznego, platformy do nauki), wiadomo, na jakiej podstawie to robi, i czy podpisano umowę powierzenia. 5 – dotyczy to wszystkich usług i sprawdził to inspektor ochrony danych; 1 – nikt tego nie sprawdzał."),
        ]),
        new("kompetencje", "Kompetencje kadry i nauczycieli", "Staff and teacher competences",
        [
            new("kompetencje-1", "JST zna potrzeby szkoleniowe nauczycieli w zakresie kompetencji cyfrowych.",
                "Chodzi o to, czy JST zbiera informacje (np. ankietą albo od dyrektorów), czego nauczyciele potrzebują się nauczyć w pracy z technologią. 5 – potrzeby zbadano w ostatnich dwóch latach i wykorzystano w planach; 1 – JST nie ma takich informacji."),
            new("kompetencje-2", "Nauczyciele mają dostęp do doskonalenia w zakresie dydaktyki cyfrowej.",
                "Chodzi o szkolenia, warsztaty lub sieci współpracy, w których nauczyciele uczą się prowadzić lekcje z użyciem technologii. 5 – taka oferta jest stała i dostępna dla nauczycieli wszystkich szkół; 1 – takiej oferty nie ma."),
            new("kompetencje-3", "Pracownicy urzędu zajmujący się oświatą mają kompetencje do zarządzania projektami cyfrowymi.",
                "Chodzi o umiejętność zaplanowania zakupu lub wdrożenia systemu, policzenia kosztów i rozliczenia projektu. 5 – pracownicy mają takie doświadczenie lub przeszkolenie i prowadzą projekty samodzielnie; 1 – w urzędzie nie ma nikogo z takimi umiejętnościami."),
        ]),
        new("dane", "Dane i e-usługi", "Data and e-services",
        [
            new("dane-1", "JST korzysta z danych o szkołach (np. SIO, ewidencje) przy podejmowaniu decyzji.",
                "Chodzi o to, czy decyzje, np. o zakupach albo sieci szkół, opierają się na danych z Systemu Informacji Oświatowej, ewidencji sprzętu czy ankiet. 5 – dane są regularnie zbierane i omawiane przed decyzjami; 1 – decyzje zapadają bez danych."),
            new("dane-2", "Rodzice i uczniowie mogą załatwić sprawy szkolne elektronicznie.",
                "Chodzi o sprawy takie jak zapisy do szkoły, usprawiedliwienia, wnioski czy zgody, załatwiane przez internet, bez wizyty w szkole. 5 – większość spraw można tak załatwić we wszystkich szkołach; 1 – wszystko załatwia się na papierze."),
            new("dane-3", "Systemy używane przez szkoły są ze sobą zintegrowane tam, gdzie to potrzebne.",
                "Chodzi o to, czy systemy same wymieniają te same dane (np. listy uczniów), zamiast wpisywać je ręcznie kilka razy. 5 – najważniejsze systemy wymieniają dane automatycznie; 1 – dane przepisuje się ręcznie z systemu do systemu."),
        ]),
        new("finansowanie", "Finansowanie i zamówienia", "Financing and procurement",
        [
            new("finansowanie-1", "Wydatki na cyfryzację szkół są planowane w wieloletniej prognozie finansowej lub budżecie.",
                "Chodzi o to, czy pieniądze na sprzęt, łącza, licencje i serwis są zaplanowane z góry, a nie szukane w ciągu roku. 5 – wydatki są zaplanowane na kilka lat w wieloletniej prognozie finansowej; 1 – w budżecie nie ma na nie osobnych pozycji."),
            new("finansowanie-2", "JST korzysta ze źródeł zewnętrznych (np. programy rządowe, fundusze UE) na cyfryzację szkół.",
                "Chodzi o to, czy JST śledzi nabory i składa wnioski o pieniądze z zewnątrz na cyfryzację szkół. 5 – JST regularnie składa wnioski i otrzymuje środki; 1 – JST nie korzysta z żadnych źródeł zewnętrznych."),
            new("finansowanie-3", "Zakupy sprzętu i usług dla szkół są prowadzone wspólnie lub według wspólnych standardów.",
                "Chodzi o to, czy JST kupuje dla szkół razem albo według jednych wymagań, żeby sprzęt był zgodny i tańszy w obsłudze. 5 – zakupy są wspólne albo według spisanych standardów; 1 – każda szkoła kupuje sama, bez wspólnych zasad."),
            new("finansowanie-4", "Przy zakupach uwzględnia się koszty utrzymania w całym okresie użytkowania.",
                "Chodzi o liczenie nie tylko ceny zakupu, ale też licencji, serwisu, energii i wymiany po kilku latach. 5 – przy każdym zakupie liczy się pełne koszty na cały okres używania; 1 – liczy się tylko cenę zakupu."),
        ]),
        new("wspolpraca", "Współpraca ze szkołami", "Cooperation with schools",
        [
            new("wspolpraca-1", "Dyrektorzy szkół uczestniczą w planowaniu cyfryzacji.",
                "Chodzi o to, czy dyrektorzy mają wpływ na plany i zakupy, np. przez udział w spotkaniach lub w zespole. 5 – dyrektorzy współtworzą plany i ich zdanie się liczy; 1 – dyrektorzy dowiadują się o decyzjach po fakcie."),
            new("wspolpraca-2", "JST regularnie zbiera od szkół informacje o potrzebach i problemach cyfrowych.",
                "Chodzi o stały sposób zbierania informacji od szkół, np. coroczną ankietę albo spotkania. 5 – informacje są zbierane co najmniej raz w roku i JST na nie odpowiada; 1 – JST dowiaduje się o problemach tylko wtedy, gdy szkoła sama je zgłosi."),
            new("wspolpraca-3", "Szkoły dzielą się dobrymi praktykami w sieci współpracy organizowanej przez JST.",
                "Chodzi o spotkania, grupy lub platformę, na których nauczyciele i dyrektorzy różnych szkół pokazują sobie, co działa. 5 – JST organizuje taką sieć i szkoły regularnie z niej korzystają; 1 – takiej współpracy nie ma."),
        ]),
    ]);

    public static readonly MaturityFramework Current = V2024;

    public static IReadOnlyList<MaturityFramework> All { get; } = [V2024];

    public static MaturityFramework? Find(string version) => All.FirstOrDefault(f => f.Version == version);
}
