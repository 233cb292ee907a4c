using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace TrainingApi.Features.PilotEnrollment.Register;

/// <summary>
/// The register as shipped with the build (the embedded CSV with its SOURCE.md): loaded into the database by the
/// Initial migration (from its own frozen copy of the rows, which the search tests compare with this one), and held
/// read-only in memory so that every application can check its TERYT code without a query. It is reference data,
/// identical on every instance, so holding it in memory is safe.
/// </summary>
public static class JstRegister
{
    public const string ResourceName = "TrainingApi.jst-terc-2024-01-01.csv";

    private static readonly Lazy<FrozenDictionary<string, Jst>> ByCode = new(() => Load().ToFrozenDictionary(j => j.Teryt));

    public static IReadOnlyCollection<Jst> All => ByCode.Value.Values;

    /// <summary>The unit with this code (either code of a city with county rights), or null.</summary>
    public static Jst? Find(string? teryt) => teryt is not null && ByCode.Value.TryGetValue(teryt, out var jst) ? jst : null;

    /// <summary>The canonical code of the unit (the county code of a city with county rights), or null if unknown.</summary>
    public static string? Canonical(string? teryt) => Find(teryt)?.CanonicalTeryt;

    public static IEnumerable<Jst> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The JST register {ResourceName} is not embedded in the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = reader.ReadLine();
        if (header?.Trim() != "teryt,name,kind,voivodeship_code,powiat_code,same_jst_as")
        {
            throw new InvalidOperationException("The JST register has unexpected columns: " + header);
        }

        var units = new List<Jst>(2900);
        while (reader.ReadLine() is { } line)
        {
            var f = line.TrimEnd('\r').Split(',');
            if (f.Length != 6)
            {
                continue;
            }

            units.Add(new Jst(f[0], f[1], KindOf(f[2]), f[3], Empty(f[4]), Empty(f[5])));
        }

        return units;
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static JstKind KindOf(string kind) => kind switch
    {
        "wojewodztwo" => JstKind.Wojewodztwo,
        "powiat" => JstKind.Powiat,
        "miasto_na_prawach_powiatu" => JstKind.MiastoNaPrawachPowiatu,
        "gmina_miejska" => JstKind.GminaMiejska,
        "gmina_wiejska" => JstKind.GminaWiejska,
        "gmina_miejsko_wiejska" => JstKind.GminaMiejskoWiejska,
        _ => throw new InvalidOperationException("Unknown JST kind in the register: " + kind),
    };
}
