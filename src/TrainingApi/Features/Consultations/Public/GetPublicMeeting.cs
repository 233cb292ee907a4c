using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Consultations.Meetings;

namespace TrainingApi.Features.Consultations.Public;

public static class GetPublicMeeting
{
    public sealed record Query(Guid Id) : IQuery<PublicMeetingView>;

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, PublicMeetingView>
    {
        public async ValueTask<PublicMeetingView> Handle(Query query, CancellationToken ct)
        {
            var meeting = await db.Set<ConsultationMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == query.Id, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.MeetingNoun, query.Id);
            return (await ListPublicMeetings.ViewsAsync(db, [meeting], ct))[0];
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/{meetingId:guid}", async (Guid meetingId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                PublicAnswers.Ok(http, await mediator.Send(new Query(meetingId), ct)))
            .WithName("GetPublicConsultationMeeting")
            .WithSummary("A consultation meeting (public)")
            .WithDescription("Date, place and/or link, organiser, organisations present, the minutes once public, places left while sign-up is open. " +
                             "Anonymous; `Cache-Control: public`, ETag and 304.")
            .AllowAnonymous()
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, PublicMeetingView.Example);
}
