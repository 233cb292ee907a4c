using FluentValidation;
using Mediator;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class RaiseRecruitmentCapacity
{
    public sealed record Request(int Capacity, string Reason);

    public sealed record Command(Guid RecruitmentId, int Capacity, string Reason) : ICommand<RecruitmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Capacity).InclusiveBetween(1, Recruitment.MaxCapacity);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(RecruitmentChange.ReasonMaxLength);
        }
    }

    /// <summary>
    /// More places, filled at once from the waiting list in order (accepted, or offered when the recruitment makes offers),
    /// under the lock applying takes: no application is placed meanwhile, so the new places go to the list, not to whoever
    /// applies in the same second.
    /// </summary>
    public sealed class Handler(RecruitmentChanges changes) : ICommandHandler<Command, RecruitmentView>
    {
        public async ValueTask<RecruitmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitment = await changes.LockAsync(command.RecruitmentId, cancellationToken);
            if (command.Capacity <= recruitment.Capacity)
            {
                throw Problem.Unprocessable(new Text($"The capacity is {recruitment.Capacity} JST; it can only be raised.",
                    $"Limit miejsc wynosi {recruitment.Capacity} JST; można go tylko zwiększyć."), "capacity-not-raised");
            }

            var before = new { recruitment.Capacity, Accepted = recruitment.AcceptedCount, Waitlisted = recruitment.WaitlistedCount };
            var added = command.Capacity - recruitment.Capacity;
            recruitment.RaiseCapacity(command.Capacity);
            var promoted = await WaitingList.PromoteAsync(changes.Db, changes.Events, recruitment, added, changes.Now, cancellationToken);
            changes.Record(recruitment, RecruitmentChangeKind.Capacity, command.Reason, before,
                new { recruitment.Capacity, Accepted = recruitment.AcceptedCount, Waitlisted = recruitment.WaitlistedCount, Promoted = promoted.Count });
            return RecruitmentView.From(recruitment, changes.Now);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPut("/{recruitmentId:guid}/capacity", async (Guid recruitmentId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(recruitmentId, r.Capacity, r.Reason), ct)))
            .WithName("RaiseRecruitmentCapacity")
            .WithSummary("Raise a recruitment's capacity, promoting from the waiting list")
            .WithDescription("By the programme team, with a reason. The new places go at once to the waiting list in order (positions 1…n " +
                             "are accepted — or offered the place, in a recruitment with offers — and the rest move up n), under the same lock " +
                             "as applying. 422 `capacity-not-raised` for a capacity not above the current one. Announced as `recruitment.changed` " +
                             "and, per JST, `application.promoted` or `application.offered`.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(55, "Dodatkowe środki na pięć JST z listy rezerwowej."))
            .WithResponseExample(StatusCodes.Status200OK, RecruitmentView.Example with { Capacity = 55, Accepted = 55, PlacesLeft = 0, Waitlisted = 15 });
}
