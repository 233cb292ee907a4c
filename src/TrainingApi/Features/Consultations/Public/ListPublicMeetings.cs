using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Public;

public static class ListPublicMeetings
{
    public sealed record Query(Guid RoundId, int Limit, string? Cursor) : IQuery<Page<PublicMeetingView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<PublicMeetingView>>
    {
        public async ValueTask<Page<PublicMeetingView>> Handle(Query query, CancellationToken ct)
        {
            await RoundLookup.EnsureExistsAsync(db, query.RoundId, ct);
            var page = await db.Set<ConsultationMeeting>().AsNoTracking().Where(m => m.RoundId == query.RoundId)
                .ToKeysetPageAsync(m => m.StartsAt, m => m.Id, query.Cursor, query.Limit, m => m, ct);
            return new Page<PublicMeetingView>(await ViewsAsync(db, page.Items, ct), page.NextCursor);
        }
    }

    /// <summary>The meetings with the names of the organisations present and the places taken.</summary>
    public static async Task<IReadOnlyList<PublicMeetingView>> ViewsAsync(TrainingDb db, IReadOnlyList<ConsultationMeeting> meetings, CancellationToken ct)
    {
        var present = meetings.SelectMany(m => m.OrganisationsPresent).Distinct().ToList();
        var names = await db.Set<Organisation>().AsNoTracking().Where(o => present.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var registered = await MeetingCounts.RegisteredAsync(db, [.. meetings.Select(m => m.Id)], ct);
        return [.. meetings.Select(m => PublicMeetingView.From(m, names, registered.GetValueOrDefault(m.Id)))];
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}/meetings", async (Guid roundId, int? limit, string? cursor, IMediator mediator, HttpContext http, CancellationToken ct) =>
                PublicAnswers.Ok(http, await mediator.Send(new Query(roundId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListPublicConsultationMeetings")
            .WithSummary("A round's meetings (public)")
            .WithDescription("By start time, paged by cursor: date, duration, place and/or online link, organiser, the organisations present, the " +
                             "minutes once the team has made them public, and places left while sign-up is open. Never who registered. " +
                             "Anonymous; `Cache-Control: public`, ETag and 304.")
            .AllowAnonymous()
            .SupportsIfNoneMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<PublicMeetingView>([PublicMeetingView.Example], null));
}
