using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public static class AddParticipant
{
    public sealed record Command(Guid ApplicationId, Apply.ParticipantRequest Participant) : ICommand<ApplicationView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Participant).NotNull().SetValidator(new ParticipantChanges.PersonValidator());
    }

    public sealed class Handler(ParticipantChanges changes) : ICommandHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (application, max) = await changes.OpenAsync(command.ApplicationId, cancellationToken);
            if (application.Participants.Count >= max)
            {
                throw Problem.Conflict(new Text($"The JST already sends {application.Participants.Count} participant(s), the most this recruitment takes.",
                    $"JST zgłosiła już {application.Participants.Count} uczestników, tyle ile przyjmuje ten nabór."), "participant-limit-reached");
            }

            ParticipantChanges.EnsureNewEmail(application, command.Participant.Email);
            changes.Add(application, command.Participant);
            await changes.Db.SaveChangesAsync(cancellationToken);
            return ApplicationView.From(application);
        }
    }

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{applicationId:guid}/participants", async ([FromRoute(Name = "applicationId")] Guid id, Apply.ParticipantRequest participant, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, participant), ct)))
            .WithName("AddParticipant")
            .WithSummary("Add a participant to an application")
            .WithDescription("By the JST's coordinator or the programme team, within the recruitment's limit per JST (409 `participant-limit-reached`), " +
                             "while the application is active and until its cohort's first session (409 `application-closed`, `pilot-started`). " +
                             "Audited without the person's data. Answers the application with its participants.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Apply.ParticipantRequest("Jan Kowalski", "informatyk urzędu", "jan.kowalski@uml.lodz.pl", null))
            .WithResponseExample(StatusCodes.Status200OK, ApplicationView.Example);
}
