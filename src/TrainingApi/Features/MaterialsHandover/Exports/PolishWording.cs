using System.Globalization;
using TrainingApi.Common.Localization;

namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>
/// What the published materials say in Polish where the API keeps codes: delivery forms, target roles, dates, and the
/// official address of a legal act. Readers of the pages and spreadsheets are JST staff, not API clients.
/// </summary>
public static class PolishWording
{
    private static readonly Dictionary<string, string> DeliveryForms = new(StringComparer.Ordinal)
    {
        ["in-person"] = "zajęcia stacjonarne", ["live-online"] = "zajęcia online na żywo", ["e-learning"] = "e-learning",
        ["workshop"] = "warsztaty", ["blended"] = "forma mieszana (stacjonarna i online)",
    };

    private static readonly Dictionary<string, string> TargetRoles = new(StringComparer.Ordinal)
    {
        ["jst-leadership"] = "kierownictwo JST", ["education-department"] = "wydział edukacji", ["finance"] = "służby finansowe",
        ["it-cybersecurity"] = "informatyka i cyberbezpieczeństwo", ["school-heads"] = "dyrektorzy szkół",
    };

    // Genitive month names, as a Polish date is written ("30 listopada 2026 r."), fixed here so no culture data can change the bytes.
    private static readonly string[] Months =
        ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"];

    public static string DeliveryForm(string code) => DeliveryForms.GetValueOrDefault(code, code);

    public static string TargetRole(string code) => TargetRoles.GetValueOrDefault(code, code);

    public static string DeliveryFormList(IEnumerable<string> codes) => string.Join(", ", codes.Select(DeliveryForm));

    public static string TargetRoleList(IEnumerable<string> codes) => string.Join(", ", codes.Select(TargetRole));

    /// <summary>The day in Warsaw, written the Polish way: "30 listopada 2026 r.".</summary>
    public static string Date(DateTimeOffset instant)
    {
        var day = WarsawTime.ToWarsaw(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{day.Day} {Months[day.Month - 1]} {day.Year} r.");
    }

    /// <summary>The day in Warsaw as ISO 8601 (for the <c>datetime</c> attribute of <c>&lt;time&gt;</c>).</summary>
    public static string IsoDate(DateTimeOffset instant) => WarsawTime.ToWarsaw(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The act's page in ISAP, the Sejm's official database of acts, for a Journal of Laws citation ("Dz.U. 2024 poz. 737" →
    /// WDU20240000737); null when the citation is not one (no address is invented).
    /// </summary>
    public static string? OfficialSource(string citation)
    {
        var normal = Curriculum.LegalActs.LegalAct.NormaliseCitation(citation);
        if (normal is null)
        {
            return null;
        }

        var parts = normal.Split(' ');
        var year = parts[1];
        var item = int.Parse(parts[3], CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU{year}{item:D7}");
    }
}
