using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Public;

public static class ListPublicRounds
{
    public sealed record Query(int Limit, string? Cursor) : IQuery<Page<PublicRoundView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : IQueryHandler<Query, Page<PublicRoundView>>
    {
        public async ValueTask<Page<PublicRoundView>> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var page = await db.Set<ConsultationRound>().AsNoTracking().ToKeysetPageAsync(r => r.CreatedAt, r => r.Id, query.Cursor, query.Limit, r => r, ct);
            var counts = await RoundCounts.CommentsAsync(db, [.. page.Items.Select(r => r.Id)], ct);
            return new Page<PublicRoundView>([.. page.Items.Select(r => PublicRoundView.From(r, counts.GetValueOrDefault(r.Id), now))], page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/", async (int? limit, string? cursor, IMediator mediator, HttpContext http, CancellationToken ct) =>
                PublicAnswers.Ok(http, await mediator.Send(new Query(limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListPublicConsultationRounds")
            .WithSummary("Consultation rounds (public)")
            .WithDescription("Every round in the order it was announced, with its window (and its Europe/Warsaw times), status, the version it " +
                             "consults and links to the consulted text, the meetings and, once published, the report. Anonymous; " +
                             "`Cache-Control: public`, ETag and 304.")
            .AllowAnonymous()
            .SupportsIfNoneMatch()
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<PublicRoundView>([PublicRoundView.Example], null));
}
