using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Meetings;

namespace TrainingApi.Features.Consultations.Registrations;

public static class OpenMeetingRegistration
{
    public const int MaxCapacity = 2000;

    public sealed record Request([property: Range(1, MaxCapacity)] int Capacity);

    public sealed record Command(Guid MeetingId, uint? ExpectedVersion, int Capacity) : ICommand<Versioned<MeetingView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Capacity).InclusiveBetween(1, MaxCapacity);
    }

    /// <summary>Under the same row lock as sign-ups, so the capacity is never set below the places a sign-up is taking now.</summary>
    public sealed class Handler(TrainingDb db) : ICommandHandler<Command, Versioned<MeetingView>>
    {
        public async ValueTask<Versioned<MeetingView>> Handle(Command command, CancellationToken ct)
        {
            var meeting = await db.FindLockedAsync<ConsultationMeeting>(command.MeetingId, RowLock.NoKeyUpdate, tracked: true, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.MeetingNoun, command.MeetingId);
            await db.ExpectVersionAsync(meeting, command.ExpectedVersion, ct);
            var registered = (await MeetingCounts.RegisteredAsync(db, [meeting.Id], ct)).GetValueOrDefault(meeting.Id);
            meeting.OpenRegistration(command.Capacity, registered);
            await db.SaveChangesAsync(ct);
            var gathered = await MeetingCounts.CommentsGatheredAsync(db, [meeting.Id], ct);
            return new(MeetingView.From(meeting, gathered.GetValueOrDefault(meeting.Id), registered), meeting.Version);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPut("/{meetingId:guid}/registration", async (Guid meetingId, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(meetingId, EntityTags.RequireIfMatch(http.Request), r.Capacity), ct);
                http.Response.Headers.ETag = updated.Value.ETag(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("OpenConsultationMeetingRegistration")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, ConsultationMeeting.CapacityBelowRegistered)
            .WithSummary("Open sign-up for a meeting, or change its number of places")
            .WithDescription("Organisations may then register representatives (POST …/registrations) until the places are taken or the meeting " +
                             "starts. The capacity counts people and cannot go below those registered (409 `capacity-below-registered`). Requires If-Match.")
            .RequireRoles(Roles.ProgrammeTeam)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(60))
            .WithResponseExample(StatusCodes.Status200OK, MeetingView.Example);
}
