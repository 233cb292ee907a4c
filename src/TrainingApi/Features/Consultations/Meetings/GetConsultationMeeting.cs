using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Meetings;

public static class GetConsultationMeeting
{
    public sealed record Query(Guid Id) : IQuery<Versioned<MeetingView>>;

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Versioned<MeetingView>>
    {
        public async ValueTask<Versioned<MeetingView>> Handle(Query query, CancellationToken ct)
        {
            var meeting = await db.Set<ConsultationMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == query.Id, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.MeetingNoun, query.Id);
            return new(await MeetingCounts.ViewAsync(db, meeting, ct), meeting.Version);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/{meetingId:guid}", async (Guid meetingId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(meetingId), ct);
                return ConditionalGet.Ok(http, found.Value, found.Value.ETag(found.Version));
            })
            .WithName("GetConsultationMeeting")
            .WithSummary("Read a consultation meeting")
            .WithDescription("With the ETag that PUT needs in If-Match; If-None-Match answers 304 while the meeting and its comment count are unchanged.")
            .RequireAnyRole()
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, MeetingView.Example);
}
