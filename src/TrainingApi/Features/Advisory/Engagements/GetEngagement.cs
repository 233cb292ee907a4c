using Mediator;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Advisory.Engagements;

public static class GetEngagement
{
    public sealed record Query(Guid Id) : IQuery<Versioned<EngagementView>>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Versioned<EngagementView>>
    {
        public async ValueTask<Versioned<EngagementView>> Handle(Query query, CancellationToken ct)
        {
            var engagement = await EngagementLookup.VisibleAsync(access, db, query.Id, ct);
            return new(await AdvisorNames.ViewAsync(db, engagement, ct), engagement.Version);
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapGet("/{engagementId:guid}", async (Guid engagementId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(engagementId), ct);
                return ConditionalGet.Ok(http, found);
            })
            .WithName("GetEngagement")
            .WithSummary("Read an advisory engagement")
            .WithDescription("Stage, hours budget, extra hours approved, hours used and left. 404 for an engagement the caller may not see.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, EngagementView.Example);
}
