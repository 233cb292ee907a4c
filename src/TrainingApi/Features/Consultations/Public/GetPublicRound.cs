using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Public;

public static class GetPublicRound
{
    public sealed record Query(Guid Id) : IQuery<PublicRoundView>;

    public sealed class Handler(TrainingDb db, TimeProvider clock) : IQueryHandler<Query, PublicRoundView>
    {
        public async ValueTask<PublicRoundView> Handle(Query query, CancellationToken ct)
        {
            var round = await db.Set<ConsultationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, ct)
                        ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, query.Id);
            var counts = await RoundCounts.CommentsAsync(db, [round.Id], ct);
            return PublicRoundView.From(round, counts.GetValueOrDefault(round.Id), clock.GetUtcNow());
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}", async (Guid roundId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                PublicAnswers.Ok(http, await mediator.Send(new Query(roundId), ct)))
            .WithName("GetPublicConsultationRound")
            .WithSummary("A consultation round (public)")
            .WithDescription("Its window, status, the version it consults, the number of comments and links to the text, meetings and report. " +
                             "Anonymous; `Cache-Control: public`, ETag and 304.")
            .AllowAnonymous()
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, PublicRoundView.Example);
}
