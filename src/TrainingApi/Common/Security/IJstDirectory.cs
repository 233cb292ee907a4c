namespace TrainingApi.Common.Security;

/// <summary>
/// The register of local-government units (JST), answered by the slice that ships it, so that authentication and the
/// other slices can look a TERYT code up without Common (or they) knowing that slice's types.
/// </summary>
public interface IJstDirectory
{
    bool Exists(string teryt);

    /// <summary>The unit with this code (either code of a city with county rights), or null.</summary>
    JstUnit? Find(string? teryt);

    /// <summary>The canonical code of the unit (the county code of a city with county rights), or null if unknown.</summary>
    string? Canonical(string? teryt);
}

/// <summary>A unit of the register as the other slices see it: the code asked about, its canonical code and its name.</summary>
public sealed record JstUnit(string Teryt, string CanonicalTeryt, string Name);
