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

public static class ConfirmOffer
{
    public sealed record Command(Guid Id) : ICommand<ApplicationView>;

    /// <summary>
    /// Under the recruitment's lock, as the offer sweep lapses offers: an offer is either confirmed before it expires or
    /// lapsed after, never both, and the place it holds is counted once throughout (an offer holds its place).
    /// </summary>
    public sealed class Handler(TrainingDb db, Access access, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitmentId = await access.Visible(db.Set<Application>()).Where(a => a.Id == command.Id).Select(a => (Guid?)a.RecruitmentId).FirstOrDefaultAsync(cancellationToken)
                                ?? throw Problem.NotFound(PilotEnrollmentModule.ApplicationNoun, command.Id);
            await WaitingList.LockAsync(db, recruitmentId, cancellationToken);
            var application = await db.Set<Application>().Include(a => a.Participants).SingleAsync(a => a.Id == command.Id, cancellationToken);
            var now = clock.UtcNowForDatabase();
            if (application.Status != ApplicationStatus.Offered)
            {
                throw Problem.Conflict(new Text($"The application holds no offer of a place; it is {Common.Http.QueryEnum.Name(application.Status)}.",
                    $"Zgłoszenie nie ma oferty miejsca; ma status {Common.Http.QueryEnum.Name(application.Status)}."), "not-offered");
            }

            if (application.OfferExpiresAt <= now)
            {
                throw Problem.Conflict(new Text($"The offer expired at {WarsawTime.Format(application.OfferExpiresAt!.Value)}.",
                    $"Oferta wygasła {WarsawTime.Format(application.OfferExpiresAt!.Value)}."), "offer-lapsed");
            }

            application.AcceptOffer(now);
            events.Publish(new ApplicationOfferConfirmed(recruitmentId, application.Id, application.JstTeryt));
            await db.SaveChangesAsync(cancellationToken);
            return ApplicationView.From(application);
        }
    }

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{applicationId:guid}/offer/confirmation", async ([FromRoute(Name = "applicationId")] Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Command(id), ct)))
            .WithName("ConfirmOffer")
            .WithSummary("Take up a place offered from the waiting list")
            .WithDescription("By the JST's coordinator or the programme team, before the offer expires (`offerExpiresAt`): the application " +
                             "becomes `accepted` (`application.offer-confirmed`). 409 `not-offered`, or `offer-lapsed` once it has expired.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, ApplicationView.Example);
}
