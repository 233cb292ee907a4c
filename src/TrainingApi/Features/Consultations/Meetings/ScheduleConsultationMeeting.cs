using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Meetings;

public static class ScheduleConsultationMeeting
{
    public sealed record Command(Guid RoundId, MeetingDetails Details) : ICommand<MeetingView>, MeetingRules.IHasDetails;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new MeetingRules.DetailsValidator<Command>());
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, MeetingView>
    {
        public async ValueTask<MeetingView> Handle(Command command, CancellationToken ct)
        {
            var round = await db.Set<ConsultationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.RoundId, ct)
                        ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, command.RoundId);
            await MeetingRules.CheckAsync(db, round, command.Details, ct);
            var meeting = new ConsultationMeeting(round.Id, command.Details, clock.UtcNowForDatabase());
            db.Add(meeting);
            await db.SaveChangesAsync(ct);
            return MeetingView.From(meeting, 0);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/{roundId:guid}/meetings", async (Guid roundId, MeetingRules.Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(roundId, r.ToDetails()), ct);
                return TypedResults.Created($"/api/v1/consultation-meetings/{created.Id}", created);
            })
            .WithName("ScheduleConsultationMeeting")
            .WithSummary("Schedule a consultation meeting")
            .WithDescription("A meeting during the round's window, in a place, online (an https link) or both, lasting 15 minutes to 12 hours " +
                             "(durationMinutes, 120 when left out). Organisations present, " +
                             "attendance and minutes can be given now or recorded afterwards with PUT.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(MeetingRules.Request.Example with { AttendeeCount = null, Minutes = null })
            .WithResponseExample(StatusCodes.Status201Created, MeetingView.Example with
            {
                AttendeeCount = null,
                Minutes = null,
                CommentsGathered = 0,
                MinutesPublishedAt = null,
                Registration = null,
                Registered = 0,
            });
}
