using FluentValidation;
using Mediator;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class SetWaitlistOffers
{
    /// <param name="ValidityHours">How long a JST promoted from the waiting list has to confirm the place (1–720 h); null: promotion is an acceptance.</param>
    public sealed record Request(int? ValidityHours, string Reason);

    public sealed record Command(Guid RecruitmentId, int? ValidityHours, string Reason) : ICommand<RecruitmentView>;

    public const int MaxValidityHours = 720;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ValidityHours).InclusiveBetween(1, MaxValidityHours);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(RecruitmentChange.ReasonMaxLength);
        }
    }

    /// <summary>Offers already made keep their expiry; the setting applies to promotions from now on.</summary>
    public sealed class Handler(RecruitmentChanges changes) : ICommandHandler<Command, RecruitmentView>
    {
        public async ValueTask<RecruitmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitment = await changes.LockAsync(command.RecruitmentId, cancellationToken);
            var before = new { recruitment.OfferValidityHours };
            recruitment.SetOfferValidity(command.ValidityHours);
            changes.Record(recruitment, RecruitmentChangeKind.Offers, command.Reason, before, new { recruitment.OfferValidityHours });
            return RecruitmentView.From(recruitment, changes.Now);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPut("/{recruitmentId:guid}/waitlist-offers", async (Guid recruitmentId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(recruitmentId, r.ValidityHours, r.Reason), ct)))
            .WithName("SetWaitlistOffers")
            .WithSummary("Turn time-limited offers from the waiting list on or off")
            .WithDescription("By the programme team, with a reason. With `validityHours` set, a JST promoted from the waiting list (after a " +
                             "withdrawal, a raised capacity or a lapsed offer) is `offered` the place until then and confirms it with POST " +
                             "/api/v1/applications/{applicationId}/offer/confirmation; unconfirmed, the offer lapses (the application is withdrawn) and the next in " +
                             "line is offered it. With null, promotion is an acceptance. Offers already made keep their expiry.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request(72, "Miejsca z listy rezerwowej wymagają potwierdzenia w ciągu 3 dni."))
            .WithResponseExample(StatusCodes.Status200OK, RecruitmentView.Example with { OfferValidityHours = 72 });
}
