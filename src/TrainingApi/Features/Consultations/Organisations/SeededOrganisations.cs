namespace TrainingApi.Features.Consultations.Organisations;

/// <summary>The six national associations of local governments, shipped as reference data (ZMP is the project partner).</summary>
public static class SeededOrganisations
{
    public static readonly Guid Zmp = Guid.Parse("0190a0b0-0000-7000-8000-000000000001");
    public static readonly Guid Zpp = Guid.Parse("0190a0b0-0000-7000-8000-000000000002");
    public static readonly Guid Zgwrp = Guid.Parse("0190a0b0-0000-7000-8000-000000000003");
    public static readonly Guid Ump = Guid.Parse("0190a0b0-0000-7000-8000-000000000004");
    public static readonly Guid Umip = Guid.Parse("0190a0b0-0000-7000-8000-000000000005");
    public static readonly Guid Zwrp = Guid.Parse("0190a0b0-0000-7000-8000-000000000006");

    private static readonly DateTimeOffset Registered = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Organisation> All { get; } =
    [
        new(Zmp, "Związek Miast Polskich", "ZMP", OrganisationKind.NationalAssociation, null, true, Registered),
        new(Zpp, "Związek Powiatów Polskich", "ZPP", OrganisationKind.NationalAssociation, null, false, Registered),
        new(Zgwrp, "Związek Gmin Wiejskich Rzeczypospolitej Polskiej", "ZGWRP", OrganisationKind.NationalAssociation, null, false, Registered),
        new(Ump, "Unia Metropolii Polskich im. Pawła Adamowicza", "UMP", OrganisationKind.NationalAssociation, null, false, Registered),
        new(Umip, "Unia Miasteczek Polskich", "UMiP", OrganisationKind.NationalAssociation, null, false, Registered),
        new(Zwrp, "Związek Województw Rzeczypospolitej Polskiej", "ZWRP", OrganisationKind.NationalAssociation, null, false, Registered),
    ];
}
