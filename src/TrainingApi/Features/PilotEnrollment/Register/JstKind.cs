namespace TrainingApi.Features.PilotEnrollment.Register;

/// <summary>The kinds of local-government unit in TERYT (TERC).</summary>
public enum JstKind
{
    Wojewodztwo,
    Powiat,
    MiastoNaPrawachPowiatu,
    GminaMiejska,
    GminaWiejska,
    GminaMiejskoWiejska,
}
