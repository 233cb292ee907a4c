using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Rounds;

public static class GetConsultationRound
{
    public sealed record Query(Guid Id) : IQuery<Versioned<RoundView>>;

    public sealed class Handler(TrainingDb db, TimeProvider clock) : IQueryHandler<Query, Versioned<RoundView>>
    {
        public async ValueTask<Versioned<RoundView>> Handle(Query query, CancellationToken ct)
        {
            var round = await db.Set<ConsultationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, ct)
                        ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, query.Id);
            var counts = await RoundCounts.CommentsAsync(db, [round.Id], ct);
            return new(RoundView.From(round, counts.GetValueOrDefault(round.Id), clock.GetUtcNow()), round.Version);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}", async ([FromRoute(Name = "roundId")] Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(id), ct);
                return ConditionalGet.Ok(http, found.Value, found.Value.ETag(found.Version));
            })
            .WithName("GetConsultationRound")
            .WithSummary("Read a consultation round")
            .WithDescription("With its window in UTC and in Europe/Warsaw time, its status and the number of comments. The ETag is the one " +
                             "PUT needs in If-Match; it also changes with the status and the count, so If-None-Match answers 304 only while all is the same.")
            .RequireAnyRole()
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, RoundView.Example);
}
