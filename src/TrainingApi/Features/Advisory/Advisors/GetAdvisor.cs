using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Advisors;

public static class GetAdvisor
{
    public sealed record Query(Guid Id) : IQuery<Versioned<AdvisorView>>;

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Versioned<AdvisorView>>
    {
        public async ValueTask<Versioned<AdvisorView>> Handle(Query query, CancellationToken ct)
        {
            var advisor = await db.Set<Advisor>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, ct)
                          ?? throw Problem.NotFound(AdvisoryModule.AdvisorNoun, query.Id);
            var active = await db.Set<Engagement>().CountAsync(e => e.AdvisorId == advisor.Id && e.Stage != EngagementStage.Closed, ct);
            return new(AdvisorView.From(advisor, active), advisor.Version);
        }
    }

    public static void Map(RouteGroupBuilder advisors) =>
        advisors.MapGet("/{advisorId:guid}", async ([FromRoute(Name = "advisorId")] Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(id), ct);
                // The load counts engagements, which are not the advisor's row.
                return ConditionalGet.Ok(http, found.Value, EntityTags.Format(found.Version, found.Value.ActiveEngagements));
            })
            .WithName("GetAdvisor")
            .WithSummary("Read an advisor with their load")
            .WithDescription("With how many engagements not yet closed they hold against their capacity. With If-None-Match naming the ETag, 304 while neither has changed.")
            .RequireRoles(Roles.ProgrammeTeam)
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, AdvisorView.Example);
}
