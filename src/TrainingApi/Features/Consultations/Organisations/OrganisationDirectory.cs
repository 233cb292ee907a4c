using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security.ApiKeys;

namespace TrainingApi.Features.Consultations.Organisations;

/// <summary>Answers the platform's questions about organisations (for API keys) from this slice's register.</summary>
public sealed class OrganisationDirectory(TrainingDb db) : IOrganisationDirectory
{
    public Task<bool> ExistsAsync(Guid organisationId, CancellationToken ct) =>
        db.Set<Organisation>().AnyAsync(o => o.Id == organisationId, ct);
}
