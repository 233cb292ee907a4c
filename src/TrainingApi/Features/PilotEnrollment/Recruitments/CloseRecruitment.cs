using FluentValidation;
using Mediator;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class CloseRecruitment
{
    public sealed record Request(string Reason);

    public sealed record Command(Guid RecruitmentId, string Reason) : ICommand<RecruitmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(RecruitmentChange.ReasonMaxLength);
    }

    /// <summary>Ends an open window now. Under the applying lock, so every application placed before it is in, none after.</summary>
    public sealed class Handler(RecruitmentChanges changes) : ICommandHandler<Command, RecruitmentView>
    {
        public async ValueTask<RecruitmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitment = await changes.LockAsync(command.RecruitmentId, cancellationToken);
            if (!recruitment.IsOpenAt(changes.Now))
            {
                throw Problem.Conflict(new Text($"The recruitment is not open (it takes applications from {WarsawTime.Format(recruitment.OpensAt)} until {WarsawTime.Format(recruitment.ClosesAt)}).",
                    $"Nabór nie jest otwarty (przyjmuje zgłoszenia od {WarsawTime.Format(recruitment.OpensAt)} do {WarsawTime.Format(recruitment.ClosesAt)})."),
                    "recruitment-not-open");
            }

            var before = new { recruitment.ClosesAt };
            recruitment.CloseNow(changes.Now);
            changes.Record(recruitment, RecruitmentChangeKind.Closed, command.Reason, before, new { recruitment.ClosesAt });
            return RecruitmentView.From(recruitment, changes.Now);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPost("/{recruitmentId:guid}/closure", async (Guid recruitmentId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(recruitmentId, r.Reason), ct)))
            .WithName("CloseRecruitment")
            .WithSummary("Close a recruitment's window now")
            .WithDescription("By the programme team, with a reason; the closing time becomes now. 409 `recruitment-not-open` when it has not " +
                             "opened or has closed already. Announced as `recruitment.changed`. Other instances of the API take at most " +
                             "2 s to stop accepting applications.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request("Wszystkie miejsca i lista rezerwowa zapełnione."))
            .WithResponseExample(StatusCodes.Status200OK, RecruitmentView.Example with { IsOpen = false });
}
