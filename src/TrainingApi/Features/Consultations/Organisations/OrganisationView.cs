namespace TrainingApi.Features.Consultations.Organisations;

public sealed record OrganisationView(Guid Id, string Name, string? ShortName, OrganisationKind Kind, string? Teryt, bool IsProjectPartner, DateTimeOffset CreatedAt)
{
    public static OrganisationView From(Organisation o) => new(o.Id, o.Name, o.ShortName, o.Kind, o.Teryt, o.IsProjectPartner, o.CreatedAt);

    public static readonly OrganisationView Example = From(SeededOrganisations.All[0]);
}
