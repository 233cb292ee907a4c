using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Meetings;

public static class PublishMeetingMinutes
{
    public sealed record Command(Guid MeetingId, uint? ExpectedVersion) : ICommand<Versioned<MeetingView>>;

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, Versioned<MeetingView>>
    {
        public async ValueTask<Versioned<MeetingView>> Handle(Command command, CancellationToken ct)
        {
            var meeting = await db.Set<ConsultationMeeting>().FirstOrDefaultAsync(m => m.Id == command.MeetingId, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.MeetingNoun, command.MeetingId);
            await db.ExpectVersionAsync(meeting, command.ExpectedVersion, ct);
            meeting.PublishMinutes(clock.UtcNowForDatabase());
            await db.SaveChangesAsync(ct);
            return new(await MeetingCounts.ViewAsync(db, meeting, ct), meeting.Version);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPost("/{meetingId:guid}/minutes/publication", async (Guid meetingId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(meetingId, EntityTags.RequireIfMatch(http.Request)), ct);
                http.Response.Headers.ETag = updated.Value.ETag(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("PublishConsultationMeetingMinutes")
            .WithSummary("Make a meeting's minutes public")
            .WithDescription("From now on the public read of the meeting (GET /api/v1/public/consultation-meetings/{meetingId}) shows its minutes, as they stand (a later correction shows too). 409 `no-minutes` while there are none. Requires If-Match, so the team publishes the minutes it read.")
            .RequireRoles(Roles.ProgrammeTeam)
            .RequiresIfMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, MeetingView.Example);
}
