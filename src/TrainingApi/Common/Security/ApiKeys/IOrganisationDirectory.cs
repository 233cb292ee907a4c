namespace TrainingApi.Common.Security.ApiKeys;

/// <summary>
/// What the platform needs to know of partner organisations, answered by the slice that keeps the
/// organisations register, so Common never refers to a feature.
/// </summary>
public interface IOrganisationDirectory
{
    Task<bool> ExistsAsync(Guid organisationId, CancellationToken ct);
}
