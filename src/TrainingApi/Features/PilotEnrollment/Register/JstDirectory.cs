using System.Collections.Frozen;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Register;

public sealed class JstDirectory : IJstDirectory
{
    private readonly FrozenDictionary<string, JstUnit> units =
        JstRegister.All.ToFrozenDictionary(j => j.Teryt, j => new JstUnit(j.Teryt, j.CanonicalTeryt, j.Name));

    public bool Exists(string teryt) => units.ContainsKey(teryt);

    public JstUnit? Find(string? teryt) => teryt is not null && units.TryGetValue(teryt, out var unit) ? unit : null;

    public string? Canonical(string? teryt) => Find(teryt)?.CanonicalTeryt;
}
