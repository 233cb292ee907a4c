using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Registrations;

/// <summary>The attendance record of a meeting, ticked off its sign-up list.</summary>
public static class RecordMeetingAttendance
{
    /// <param name="UnknownRepresentatives">The ids named that are not on the meeting's sign-up list.</param>
    public sealed record UnknownRepresentativesMembers(IReadOnlyList<Guid> UnknownRepresentatives);

    public static readonly ProblemShape<UnknownRepresentativesMembers> UnknownRepresentatives = new("unknown-representatives");

    /// <param name="Present">The ids of the registered representatives who came; everyone else on the list did not.</param>
    public sealed record Request([property: Required] IReadOnlyList<Guid> Present);

    public sealed record Command(Guid MeetingId, uint? ExpectedVersion, IReadOnlyList<Guid> Present) : ICommand<Versioned<MeetingView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Present).NotNull().MaximumItems(OpenMeetingRegistration.MaxCapacity);
            RuleFor(c => c.Present).Must(p => p is null || p.Distinct().Count() == p.Count)
                .WithMessage(_ => new Text("Name each representative once.", "Każdego przedstawiciela podaj raz.").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, Versioned<MeetingView>>
    {
        public async ValueTask<Versioned<MeetingView>> Handle(Command command, CancellationToken ct)
        {
            var meeting = await db.Set<ConsultationMeeting>().FirstOrDefaultAsync(m => m.Id == command.MeetingId, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.MeetingNoun, command.MeetingId);
            await db.ExpectVersionAsync(meeting, command.ExpectedVersion, ct);
            var round = await db.Set<ConsultationRound>().AsNoTracking().FirstAsync(r => r.Id == meeting.RoundId, ct);
            round.EnsureNotPublished();
            if (meeting.StartsAt > clock.GetUtcNow())
            {
                throw Problem.Conflict(new Text($"The meeting starts at {WarsawTime.Format(meeting.StartsAt)}; attendance is recorded once it has begun.",
                    $"Spotkanie zaczyna się {WarsawTime.Format(meeting.StartsAt)}; obecność zapisuje się po jego rozpoczęciu."), "meeting-not-started");
            }

            var registrations = await db.Set<MeetingRegistration>().Include(r => r.Representatives).Where(r => r.MeetingId == meeting.Id).ToListAsync(ct);
            var listed = registrations.SelectMany(r => r.Representatives.Select(p => (Person: p, r.OrganisationId))).ToList();
            var unknown = command.Present.Except(listed.Select(x => x.Person.Id)).ToList();
            if (unknown.Count > 0)
            {
                throw UnknownRepresentatives.Refuse(ProblemKind.UnprocessableContent, new Text($"{unknown.Count} of the people named are not on this meeting's sign-up list.",
                    $"{unknown.Count} z podanych osób nie ma na liście zapisów na to spotkanie."), new(unknown));
            }

            var present = command.Present.ToHashSet();
            listed.ForEach(x => x.Person.RecordAttendance(present.Contains(x.Person.Id)));
            meeting.RecordAttendance(present.Count, listed.Where(x => present.Contains(x.Person.Id)).Select(x => x.OrganisationId).Distinct());
            await db.SaveChangesAsync(ct);
            var gathered = await MeetingCounts.CommentsGatheredAsync(db, [meeting.Id], ct);
            return new(MeetingView.From(meeting, gathered.GetValueOrDefault(meeting.Id), listed.Count), meeting.Version);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapPut("/{meetingId:guid}/attendance", async (Guid meetingId, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(meetingId, EntityTags.RequireIfMatch(http.Request), r.Present), ct);
                http.Response.Headers.ETag = updated.Value.ETag(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("RecordConsultationMeetingAttendance")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, UnknownRepresentatives)
            .WithSummary("Record who came, from the sign-up list")
            .WithDescription("`present` names the registered representatives (their ids in GET …/registrations) who came; the rest of the list did " +
                             "not. The meeting's attendance becomes their number and their organisations join those present (which the public read " +
                             "shows by name). Once the meeting has begun (409 `meeting-not-started`) and until the report is published; someone not on " +
                             "the list is a 422 `unknown-representatives`. Sending it again replaces the record. Requires If-Match.")
            .RequireRoles(Roles.ProgrammeTeam)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request([RegistrationView.Example.Representatives[0].Id]))
            .WithResponseExample(StatusCodes.Status200OK, MeetingView.Example);
}
