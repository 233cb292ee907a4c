namespace TrainingApi.Features.PilotEnrollment.Register;

/// <summary>A JST as reach statistics group it: its voivodeship (code and name) and its kind.</summary>
public sealed record JstClass(string Teryt, string VoivodeshipCode, string Voivodeship, JstKind Kind);

/// <summary>
/// The register's public read for counts by voivodeship and kind (adoptions, indicators), so other slices never read the
/// register's table or file themselves.
/// </summary>
public sealed class JstClassification
{
    private static readonly Lazy<Dictionary<string, string>> VoivodeshipNames = new(() =>
        JstRegister.All.Where(j => j.Kind == JstKind.Wojewodztwo).ToDictionary(j => j.VoivodeshipCode, j => j.Name));

    /// <summary>Null for a code the register does not know.</summary>
    public JstClass? Of(string teryt) => JstRegister.Find(teryt) is { } jst
        ? new JstClass(jst.CanonicalTeryt, jst.VoivodeshipCode, VoivodeshipNames.Value.GetValueOrDefault(jst.VoivodeshipCode, jst.VoivodeshipCode), jst.Kind)
        : null;

    public IReadOnlyDictionary<string, string> Voivodeships => VoivodeshipNames.Value;
}
