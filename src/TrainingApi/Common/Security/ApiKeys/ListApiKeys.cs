using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Security.ApiKeys;

public static class ListApiKeys
{
    public sealed record Query(Guid OrganisationId) : IQuery<IReadOnlyList<ApiKeyView>>;

    public sealed class Handler(TrainingDb db, IOrganisationDirectory organisations, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<ApiKeyView>>
    {
        public async ValueTask<IReadOnlyList<ApiKeyView>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await organisations.ExistsAsync(query.OrganisationId, cancellationToken))
            {
                throw Problem.NotFound(IssueApiKey.OrganisationNoun, query.OrganisationId);
            }

            var now = clock.GetUtcNow();
            var keys = await db.Set<ApiKey>().AsNoTracking()
                .Where(k => k.OrganisationId == query.OrganisationId)
                .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
                .ToListAsync(cancellationToken);
            return keys.Select(k => ApiKeyView.From(k, now)).ToList();
        }
    }

    // An organisation holds a handful of keys, so the list is not paged.
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async (Guid organisationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(organisationId), ct)))
            .WithName("ListApiKeys")
            .WithSummary("List an organisation's API keys")
            .WithDescription("Active, expired and revoked keys, oldest first, without their secrets.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new[] { ApiKeyView.Example });
}
