namespace TrainingApi.Features.Advisory.Maturity;

/// <summary>One statement a respondent scores 1–5 (or n/a): how true it is of the JST.</summary>
public sealed record MaturityStatement(string Id, string Text);

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
            new("strategia-1", "JST ma przyjęty dokument (strategię lub program), który określa cele cyfryzacji prowadzonych szkół."),
            new("strategia-2", "Cele cyfryzacji szkół są powiązane z budżetem JST i mają mierniki realizacji."),
            new("strategia-3", "W urzędzie wskazano osobę odpowiedzialną za koordynację cyfryzacji szkół."),
            new("strategia-4", "Kierownictwo JST co najmniej raz w roku omawia postęp cyfryzacji szkół."),
        ]),
        new("infrastruktura", "Infrastruktura i łączność", "Infrastructure and connectivity",
        [
            new("infrastruktura-1", "Wszystkie szkoły mają szerokopasmowy dostęp do internetu wystarczający do pracy całych klas."),
            new("infrastruktura-2", "Sieć wewnętrzna (Wi-Fi) obejmuje wszystkie sale lekcyjne."),
            new("infrastruktura-3", "JST zna stan infrastruktury sieciowej każdej szkoły i aktualizuje tę wiedzę."),
        ]),
        new("sprzet", "Cykl życia sprzętu", "Equipment lifecycle",
        [
            new("sprzet-1", "JST prowadzi aktualną ewidencję sprzętu cyfrowego w szkołach."),
            new("sprzet-2", "Wymiana sprzętu jest planowana z wyprzedzeniem, a nie tylko w razie awarii."),
            new("sprzet-3", "Szkoły mają zapewnione wsparcie serwisowe sprzętu."),
            new("sprzet-4", "Zużyty sprzęt jest wycofywany i utylizowany zgodnie z przepisami, z bezpiecznym usunięciem danych."),
        ]),
        new("cyberbezpieczenstwo", "Cyberbezpieczeństwo i ochrona danych", "Cybersecurity and data protection",
        [
            new("cyberbezpieczenstwo-1", "Szkoły stosują wspólne zasady bezpieczeństwa informacji uzgodnione z JST."),
            new("cyberbezpieczenstwo-2", "Kopie zapasowe kluczowych danych szkół są wykonywane i sprawdzane."),
            new("cyberbezpieczenstwo-3", "Pracownicy szkół przechodzą regularne szkolenia z cyberbezpieczeństwa."),
            new("cyberbezpieczenstwo-4", "Jest ustalony sposób zgłaszania i obsługi incydentów bezpieczeństwa."),
            new("cyberbezpieczenstwo-5", "Przetwarzanie danych osobowych uczniów w usługach cyfrowych ma podstawę prawną i umowy powierzenia."),
        ]),
        new("kompetencje", "Kompetencje kadry i nauczycieli", "Staff and teacher competences",
        [
            new("kompetencje-1", "JST zna potrzeby szkoleniowe nauczycieli w zakresie kompetencji cyfrowych."),
            new("kompetencje-2", "Nauczyciele mają dostęp do doskonalenia w zakresie dydaktyki cyfrowej."),
            new("kompetencje-3", "Pracownicy urzędu zajmujący się oświatą mają kompetencje do zarządzania projektami cyfrowymi."),
        ]),
        new("dane", "Dane i e-usługi", "Data and e-services",
        [
            new("dane-1", "JST korzysta z danych o szkołach (np. SIO, ewidencje) przy podejmowaniu decyzji."),
            new("dane-2", "Rodzice i uczniowie mogą załatwić sprawy szkolne elektronicznie."),
            new("dane-3", "Systemy używane przez szkoły są ze sobą zintegrowane tam, gdzie to potrzebne."),
        ]),
        new("finansowanie", "Finansowanie i zamówienia", "Financing and procurement",
        [
            new("finansowanie-1", "Wydatki na cyfryzację szkół są planowane w wieloletniej prognozie finansowej lub budżecie."),
            new("finansowanie-2", "JST korzysta ze źródeł zewnętrznych (np. programy rządowe, fundusze UE) na cyfryzację szkół."),
            new("finansowanie-3", "Zakupy sprzętu i usług dla szkół są prowadzone wspólnie lub według wspólnych standardów."),
            new("finansowanie-4", "Przy zakupach uwzględnia się koszty utrzymania w całym okresie użytkowania."),
        ]),
        new("wspolpraca", "Współpraca ze szkołami", "Cooperation with schools",
        [
            new("wspolpraca-1", "Dyrektorzy szkół uczestniczą w planowaniu cyfryzacji."),
            new("wspolpraca-2", "JST regularnie zbiera od szkół informacje o potrzebach i problemach cyfrowych."),
            new("wspolpraca-3", "Szkoły dzielą się dobrymi praktykami w sieci współpracy organizowanej przez JST."),
        ]),
    ]);

    public static readonly MaturityFramework Current = V2024;

    public static IReadOnlyList<MaturityFramework> All { get; } = [V2024];

    public static MaturityFramework? Find(string version) => All.FirstOrDefault(f => f.Version == version);
}
