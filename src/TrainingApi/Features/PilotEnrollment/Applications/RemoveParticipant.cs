using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public static class RemoveParticipant
{
    public sealed record Command(Guid ApplicationId, Guid ParticipantId) : ICommand<ApplicationView>;

    public sealed class Handler(ParticipantChanges changes) : ICommandHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var (application, _) = await changes.OpenAsync(command.ApplicationId, cancellationToken);
            var leaving = ParticipantChanges.Find(application, command.ParticipantId);
            if (application.Participants.Count == 1)
            {
                throw Problem.Conflict(new Text("A JST sends at least one participant: replace this one, or withdraw the application.",
                    "JST zgłasza co najmniej jednego uczestnika: zastąp tę osobę albo wycofaj zgłoszenie."), "last-participant");
            }

            await changes.EnsureRemovableAsync(leaving.Id, cancellationToken);
            application.Participants.Remove(leaving);
            await changes.Db.SaveChangesAsync(cancellationToken);
            return ApplicationView.From(application);
        }
    }

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapDelete("/{applicationId:guid}/participants/{participantId:guid}", async ([FromRoute(Name = "applicationId")] Guid id, Guid participantId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, participantId), ct)))
            .WithName("RemoveParticipant")
            .WithSummary("Remove a participant from an application")
            .WithDescription("By the JST's coordinator or the programme team, until its cohort's first session (409 `pilot-started`); the last " +
                             "participant stays (409 `last-participant`). The person is deleted with their data; audited without it. Answers the application.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, ApplicationView.Example);
}
