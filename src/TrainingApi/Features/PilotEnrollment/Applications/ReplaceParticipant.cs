using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public static class ReplaceParticipant
{
    public sealed record Command(Guid ApplicationId, Guid ParticipantId, Apply.ParticipantRequest Participant) : ICommand<ApplicationView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Participant).NotNull().SetValidator(new ParticipantChanges.PersonValidator());
    }

    /// <summary>
    /// Another person in the place of one (a staff change after the elections): the old participant's row is deleted, with
    /// their personal data, and the new one gets an id of their own — attendance and certificates are a person's, not a seat's.
    /// </summary>
    public sealed class Handler(ParticipantChanges changes) : ICommandHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (application, _) = await changes.OpenAsync(command.ApplicationId, cancellationToken);
            var leaving = ParticipantChanges.Find(application, command.ParticipantId);
            await changes.EnsureRemovableAsync(leaving.Id, cancellationToken);
            ParticipantChanges.EnsureNewEmail(application, command.Participant.Email, replacing: leaving.Id);
            application.Participants.Remove(leaving);
            changes.Add(application, command.Participant);
            await changes.Db.SaveChangesAsync(cancellationToken);
            return ApplicationView.From(application);
        }
    }

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPut("/{applicationId:guid}/participants/{participantId:guid}", async ([FromRoute(Name = "applicationId")] Guid id, Guid participantId, Apply.ParticipantRequest participant, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, participantId, participant), ct)))
            .WithName("ReplaceParticipant")
            .WithSummary("Replace a participant with another person")
            .WithDescription("By the JST's coordinator or the programme team, until its cohort's first session (409 `pilot-started`; " +
                             "`participant-has-attendance` if attendance is recorded for them). The person replaced is deleted with their data; " +
                             "the new one gets a new id. Audited without personal data. Answers the application.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Apply.ParticipantRequest("Anna Wiśniewska", "naczelniczka Wydziału Edukacji", "anna.wisniewska@uml.lodz.pl", "+48 42 000 00 01"))
            .WithResponseExample(StatusCodes.Status200OK, ApplicationView.Example);
}
