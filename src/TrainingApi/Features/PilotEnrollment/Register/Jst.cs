namespace TrainingApi.Features.PilotEnrollment.Register;

/// <summary>
/// One row of the TERYT register of local-government units (GUS, TERC, 2024-01-01). A city with county rights
/// has two rows (its county code and its gmina code); the gmina row points at the county one in
/// <see cref="SameJstAs"/>, and the county code is the unit's canonical code.
/// </summary>
public sealed class Jst
{
    public Jst(string teryt, string name, JstKind kind, string voivodeshipCode, string? powiatCode, string? sameJstAs)
    {
        Teryt = teryt;
        Name = name;
        Kind = kind;
        VoivodeshipCode = voivodeshipCode;
        PowiatCode = powiatCode;
        SameJstAs = sameJstAs;
        SearchName = JstNames.Normalise(name);
    }

    public string Teryt { get; private set; } = "";
    public string Name { get; private set; } = "";
    public JstKind Kind { get; private set; }
    public string VoivodeshipCode { get; private set; } = "";
    public string? PowiatCode { get; private set; }
    public string? SameJstAs { get; private set; }

    /// <summary>Lower case without diacritics ("lodz" for Łódź), for prefix search.</summary>
    public string SearchName { get; private set; } = "";

    public string CanonicalTeryt => SameJstAs ?? Teryt;
}
