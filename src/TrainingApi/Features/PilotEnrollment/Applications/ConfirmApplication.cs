using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public static class ConfirmApplication
{
    public sealed record Command(Guid Id) : ICommand<ApplicationView>;

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : ICommandHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await access.FindVisibleAsync(db.Set<Application>().Include(a => a.Participants), a => a.Id == command.Id,
                PilotEnrollmentModule.ApplicationNoun, command.Id, cancellationToken);
            if (application.Status != ApplicationStatus.Accepted)
            {
                throw Problem.Conflict(new Text($"Only an accepted application can be confirmed; this one is {Common.Http.QueryEnum.Name(application.Status)}.",
                    $"Potwierdzić można tylko przyjęte zgłoszenie; to ma status {Common.Http.QueryEnum.Name(application.Status)}."), "not-accepted");
            }

            application.Confirm(clock.UtcNowForDatabase());
            await db.SaveChangesAsync(cancellationToken);
            return ApplicationView.From(application);
        }
    }

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{applicationId:guid}/confirm", async ([FromRoute(Name = "applicationId")] Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Command(id), ct)))
            .WithName("ConfirmApplication")
            .WithSummary("Confirm that an accepted JST takes part")
            .WithDescription("By the JST's coordinator or the programme team.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, ApplicationView.Example with { Status = ApplicationStatus.Confirmed });
}
