using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Meetings;

public static class ListConsultationMeetings
{
    public sealed record Query(Guid RoundId, int Limit, string? Cursor) : IQuery<Page<MeetingView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<MeetingView>>
    {
        public async ValueTask<Page<MeetingView>> Handle(Query query, CancellationToken ct)
        {
            await RoundLookup.EnsureExistsAsync(db, query.RoundId, ct);

            var page = await db.Set<ConsultationMeeting>().AsNoTracking().Where(m => m.RoundId == query.RoundId)
                .ToKeysetPageAsync(m => m.StartsAt, m => m.Id, query.Cursor, query.Limit, m => m, ct);
            var gathered = await MeetingCounts.CommentsGatheredAsync(db, [.. page.Items.Select(m => m.Id)], ct);
            var registered = await MeetingCounts.RegisteredAsync(db, [.. page.Items.Select(m => m.Id)], ct);
            return new Page<MeetingView>([.. page.Items.Select(m => MeetingView.From(m, gathered.GetValueOrDefault(m.Id), registered.GetValueOrDefault(m.Id)))],
                page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}/meetings", async (Guid roundId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(roundId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListConsultationMeetings")
            .WithSummary("List a round's meetings")
            .WithDescription("By start time, paged by cursor, with the number of comments gathered at each.")
            .RequireAnyRole()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<MeetingView>([MeetingView.Example], null));
}
