using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Security.ApiKeys;

public static class GetApiKey
{
    public sealed record Query(Guid OrganisationId, Guid KeyId) : IQuery<ApiKeyView>;

    public sealed class Handler(TrainingDb db, TimeProvider clock) : IQueryHandler<Query, ApiKeyView>
    {
        public async ValueTask<ApiKeyView> Handle(Query query, CancellationToken cancellationToken)
        {
            var key = await db.Set<ApiKey>().AsNoTracking()
                          .FirstOrDefaultAsync(k => k.Id == query.KeyId && k.OrganisationId == query.OrganisationId, cancellationToken)
                      ?? throw Problem.NotFound(RevokeApiKey.KeyNoun, query.KeyId);
            return ApiKeyView.From(key, clock.GetUtcNow());
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{keyId:guid}", async (Guid organisationId, Guid keyId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(organisationId, keyId), ct)))
            .WithName("GetApiKey")
            .WithSummary("Read one of an organisation's API keys")
            .WithDescription("Whether it is active, when it expires or was revoked; never its secret, which only the answer that issued it holds. " +
                             "A key of another organisation is answered 404.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ApiKeyView.Example);
}
