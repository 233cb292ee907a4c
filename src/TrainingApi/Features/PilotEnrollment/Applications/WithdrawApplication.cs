using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public static class WithdrawApplication
{
    public sealed record Request(string Reason);

    public sealed record Command(Guid Id, string Reason) : ICommand<ApplicationView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }

    /// <summary>
    /// Under the recruitment's lock, so no application is being placed meanwhile: a freed place goes to position 1
    /// of the waiting list (accepted, or offered when the recruitment makes offers) and everyone behind moves up one,
    /// in the same transaction as the withdrawal.
    /// </summary>
    public sealed class Handler(TrainingDb db, Access access, EventOutbox events, IPublisher publisher, TimeProvider clock) : ICommandHandler<Command, ApplicationView>
    {
        private static readonly ApplicationStatus[] Withdrawable =
            [ApplicationStatus.Submitted, ApplicationStatus.Accepted, ApplicationStatus.Confirmed, ApplicationStatus.Waitlisted, ApplicationStatus.Offered];

        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitmentId = await access.Visible(db.Set<Application>()).Where(a => a.Id == command.Id).Select(a => (Guid?)a.RecruitmentId).FirstOrDefaultAsync(cancellationToken)
                                ?? throw Problem.NotFound(PilotEnrollmentModule.ApplicationNoun, command.Id);
            var recruitment = await WaitingList.LockAsync(db, recruitmentId, cancellationToken);

            var application = await db.Set<Application>().Include(a => a.Participants).SingleAsync(a => a.Id == command.Id, cancellationToken);
            if (!Withdrawable.Contains(application.Status))
            {
                throw Problem.Conflict(new Text($"The application is {Common.Http.QueryEnum.Name(application.Status)} and can no longer be withdrawn.",
                    $"Zgłoszenie ma status {Common.Http.QueryEnum.Name(application.Status)} i nie można go już wycofać."), "not-withdrawable");
            }

            var now = clock.UtcNowForDatabase();
            var heldPlace = application.Status is ApplicationStatus.Accepted or ApplicationStatus.Confirmed or ApplicationStatus.Offered;
            var position = application.WaitlistPosition;
            var previousStatus = application.Status;
            application.Withdraw(command.Reason.Trim(), now);
            events.Publish(new ApplicationWithdrawn(recruitmentId, application.Id, application.JstTeryt, previousStatus));

            if (heldPlace)
            {
                recruitment.Count(-1, 0);
                await WaitingList.PromoteAsync(db, events, recruitment, 1, now, cancellationToken, except: application.Id);
                if (previousStatus != ApplicationStatus.Offered)
                {
                    await publisher.Publish(new PilotPlaceLeftNotice(recruitmentId, application.Id, application.JstTeryt), cancellationToken);
                }
            }
            else if (position is { } left)
            {
                await WaitingList.CloseGapAsync(db, recruitment, left, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return ApplicationView.From(application);
        }
    }

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{applicationId:guid}/withdraw", async ([FromRoute(Name = "applicationId")] Guid id, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, request.Reason), ct)))
            .WithName("WithdrawApplication")
            .WithSummary("Withdraw an application")
            .WithDescription("By the JST's coordinator or the programme team. A place it held goes at once to the first JST on the waiting " +
                             "list (announced as `application.promoted`; in a recruitment with offers it is offered the place, `application.offered`), and the rest of the list moves up without gaps. Announced as `application.withdrawn`. " +
                             "A JST that held a place leaves the pilot: its advisory engagement, if any, ends (closed, reason `jst-withdrew`).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request("Zmiana priorytetów po wyborach samorządowych."))
            .WithResponseExample(StatusCodes.Status200OK, ApplicationView.Example with { Status = ApplicationStatus.Withdrawn });
}
