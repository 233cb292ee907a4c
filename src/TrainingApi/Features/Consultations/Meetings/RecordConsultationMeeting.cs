using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;

namespace TrainingApi.Features.Consultations.Meetings;

public static class RecordConsultationMeeting
{
    public sealed record Command(Guid MeetingId, uint? ExpectedVersion, MeetingDetails Details) : ICommand<Versioned<MeetingView>>, MeetingRules.IHasDetails;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new MeetingRules.DetailsValidator<Command>());
    }

    public sealed class Handler(TrainingDb db) : ICommandHandler<Command, Versioned<MeetingView>>
    {
        public async ValueTask<Versioned<MeetingView>> Handle(Command command, CancellationToken ct)
        {
            var meeting = await db.Set<ConsultationMeeting>().FirstOrDefaultAsync(m => m.Id == command.MeetingId, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.MeetingNoun, command.MeetingId);
            await db.ExpectVersionAsync(meeting, command.ExpectedVersion, ct);
            var round = await db.Set<ConsultationRound>().AsNoTracking().FirstAsync(r => r.Id == meeting.RoundId, ct);
            await MeetingRules.CheckAsync(db, round, command.Details, ct);
            meeting.Record(command.Details);
            await db.SaveChangesAsync(ct);
            var gathered = await db.Set<Submission>().Where(s => s.MeetingId == meeting.Id).SumAsync(s => s.CommentCount, ct);
            var registered = await MeetingCounts.RegisteredAsync(db, [meeting.Id], ct);
            return new(MeetingView.From(meeting, gathered, registered.GetValueOrDefault(meeting.Id)), meeting.Version);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPut("/{meetingId:guid}", async (Guid meetingId, MeetingRules.Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(meetingId, EntityTags.RequireIfMatch(http.Request), r.ToDetails()), ct);
                http.Response.Headers.ETag = updated.Value.ETag(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("RecordConsultationMeeting")
            .WithSummary("Record a meeting: who came, attendance, minutes")
            .WithDescription("Replaces the meeting's details (time, duration of 15 minutes to 12 hours, place, organiser, organisations present by their " +
                             "register ids, attendance, minutes) until the round's " +
                             "report is published. Requires If-Match with the ETag from the list or the last write.")
            .RequireRoles(Roles.ProgrammeTeam)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(MeetingRules.Request.Example)
            .WithResponseExample(StatusCodes.Status200OK, MeetingView.Example);
}
