using System.Text;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Exports;

namespace TrainingApi.Features.MaterialsHandover.Releases;

/// <summary>
/// Writes a release's accessibility statement in the structure the act of 4 April 2019 on the digital accessibility of
/// public bodies' websites and mobile applications asks for (status, non-accessible content and why, preparation date
/// and method, contact, request and complaint procedure), in Polish, claiming only what was checked: the automatic
/// check of the Markdown and, for the exported pages, axe-core in the project's tests, never a full expert audit.
/// </summary>
public static class ReleaseAccessibilityStatement
{
    public const string Standard = "WCAG 2.1 AA";
    public const string ContactKey = "AccessibilityStatement:Contact";
    public const string DefaultContact = "Ośrodek Rozwoju Edukacji, operator programu: dane kontaktowe w Biuletynie Informacji Publicznej ośrodka.";
    public const string WaivedByTeam = "zespół programu";

    public static AccessibilityStatement For(VersionContent version, DateTimeOffset builtAt, string? contact)
    {
        var titles = version.Sections.ToDictionary(s => s.Anchor, s => s.Title, StringComparer.Ordinal);
        var waived = version.WaivedFindings.Select(f => new WaivedFinding(f.Id, f.Rule, f.Criterion, f.Anchor, titles.GetValueOrDefault(f.Anchor, f.Anchor),
            f.Line, f.Column, f.Excerpt, f.MessagePl, f.Waiver!.Reason, WaivedByTeam, f.Waiver.WaivedAt)).ToList();
        var status = waived.Count == 0 ? "compliant-as-checked" : "partially-compliant";
        var method = "Deklarację sporządzono na podstawie samooceny. Treść każdej sekcji sprawdzono automatycznie regułami WCAG 2.1, które da się " +
                     "ocenić na podstawie tekstu (teksty alternatywne, nagłówki, linki, tabele, język fragmentów, instrukcje oparte na kolorze lub " +
                     "położeniu, czytelność tekstu według wskaźników FOG-PL i Pisarka). Strony HTML pakietu są sprawdzane narzędziem axe-core " +
                     "(reguły WCAG 2.0 i 2.1 na poziomach A i AA) w testach systemu. Kryteriów wymagających oceny człowieka, np. trafności tekstów " +
                     "alternatywnych i zrozumiałości instrukcji, nie oceniono.";
        var preparedOn = DateOnly.FromDateTime(Common.Localization.WarsawTime.ToWarsaw(builtAt).DateTime);
        var who = string.IsNullOrWhiteSpace(contact) ? DefaultContact : contact.Trim();
        var text = Text(version, builtAt, waived, method, who);
        return new AccessibilityStatement(Standard, version.Accessibility, version.ReadabilityWarnings, text, status, waived, preparedOn, method, who);
    }

    public static string StatusSentence(string status) => status == "partially-compliant"
        ? "Materiały są częściowo zgodne z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności wymienionych poniżej."
        : "Materiały są zgodne z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych w zakresie sprawdzonym automatycznie; pełnej oceny eksperckiej nie przeprowadzono.";

    public const string Procedure =
        "Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej materiałów lub ich elementu albo zapewnienia dostępu alternatywnego. " +
        "Żądanie powinno zawierać dane osoby zgłaszającej, wskazanie materiału lub jego elementu oraz sposób kontaktu; można wskazać dogodną formę dostępu alternatywnego. " +
        "Podmiot publiczny realizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia jego wystąpienia; gdy nie jest to możliwe, informuje o terminie, " +
        "który nie może być dłuższy niż 2 miesiące. Po odmowie albo niedotrzymaniu terminu można złożyć skargę do podmiotu publicznego, " +
        "a po wyczerpaniu tej procedury wniosek do Rzecznika Praw Obywatelskich.";

    private static string Text(VersionContent version, DateTimeOffset builtAt, IReadOnlyList<WaivedFinding> waived, string method, string contact)
    {
        var text = new StringBuilder();
        text.Append($"Deklaracja dostępności materiałów programu „{version.ProgrammeTitle}” (wersja {version.Label}). ")
            .Append("Operator programu zobowiązuje się zapewnić dostępność materiałów zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej ")
            .Append($"stron internetowych i aplikacji mobilnych podmiotów publicznych. Standard: {Standard}.\n\n");
        text.Append("Status pod względem zgodności z ustawą: ").Append(StatusSentence(waived.Count == 0 ? "compliant-as-checked" : "partially-compliant")).Append("\n\n");
        if (waived.Count == 0)
        {
            text.Append("Treści niedostępne: automatyczna kontrola nie wykazała niezgodności, których nie usunięto.\n\n");
        }
        else
        {
            text.Append($"Treści niedostępne ({waived.Count}):\n");
            foreach (var w in waived)
            {
                text.Append($"- sekcja „{w.Section}” (wiersz {w.Line}), kryterium {w.Criterion}, reguła {w.Rule}: {w.Problem} ")
                    .Append($"Powód pozostawienia: {w.Reason} (uchylił: {w.WaivedBy}, {PolishWording.Date(w.WaivedAt)})\n");
            }

            text.Append('\n');
        }

        text.Append($"Przygotowanie deklaracji: deklarację sporządzono {PolishWording.Date(builtAt)} {method}\n\n");
        text.Append($"Informacje zwrotne i dane kontaktowe: w sprawie dostępności materiałów można się kontaktować: {contact}\n\n");
        text.Append("Procedura wnioskowo-skargowa: ").Append(Procedure);
        return text.ToString();
    }
}
