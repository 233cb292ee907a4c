using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Meetings;

public static class WithdrawMeetingMinutes
{
    public sealed record Command(Guid MeetingId, uint? ExpectedVersion) : ICommand<Versioned<MeetingView>>;

    public sealed class Handler(TrainingDb db) : ICommandHandler<Command, Versioned<MeetingView>>
    {
        public async ValueTask<Versioned<MeetingView>> Handle(Command command, CancellationToken ct)
        {
            var meeting = await db.Set<ConsultationMeeting>().FirstOrDefaultAsync(m => m.Id == command.MeetingId, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.MeetingNoun, command.MeetingId);
            await db.ExpectVersionAsync(meeting, command.ExpectedVersion, ct);
            meeting.WithdrawMinutes();
            await db.SaveChangesAsync(ct);
            return new(await MeetingCounts.ViewAsync(db, meeting, ct), meeting.Version);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapDelete("/{meetingId:guid}/minutes/publication", async (Guid meetingId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(meetingId, EntityTags.RequireIfMatch(http.Request)), ct);
                http.Response.Headers.ETag = updated.Value.ETag(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("WithdrawConsultationMeetingMinutes")
            .WithSummary("Take a meeting's minutes out of public view")
            .WithDescription("The public read of the meeting no longer shows its minutes (the team still does). Requires If-Match.")
            .RequireRoles(Roles.ProgrammeTeam)
            .RequiresIfMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, MeetingView.Example);
}
