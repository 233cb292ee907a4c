using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.MaterialsHandover.Handovers;

public static class GetHandover
{
    public sealed record Query(Guid Id) : IQuery<Versioned<HandoverView>>;

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Versioned<HandoverView>>
    {
        public async ValueTask<Versioned<HandoverView>> Handle(Query query, CancellationToken ct)
        {
            var handover = await db.Set<Handover>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == query.Id, ct)
                           ?? throw Problem.NotFound(HandoverModule.HandoverNoun, query.Id);
            return new((await HandoverView.WithSupersessionAsync(db, [HandoverView.From(handover)], ct))[0], handover.Version);
        }
    }

    public static void Map(RouteGroupBuilder handovers) =>
        handovers.MapGet("/{handoverId:guid}", async ([FromRoute(Name = "handoverId")] Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(id), ct);
                // The view shows the release that superseded the one handed over, which is not in the handover's row.
                return ConditionalGet.Ok(http, found.Value, EntityTags.Format(found.Version, found.Value.SupersededBy?.ReleaseId.ToString() ?? ""));
            })
            .WithName("GetHandover")
            .WithSummary("Read a handover to the Ministry")
            .WithDescription("With the Ministry's acknowledgement once given and, when the release handed over was superseded, the newer release in " +
                             "`supersededBy`. With If-None-Match naming the ETag, 304 while neither has changed.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry)
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, HandoverView.Example);
}
