using FluentValidation;
using Mediator;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class ChangeRecruitmentWindow
{
    public sealed record Request(DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Reason);

    public sealed record Command(Guid RecruitmentId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Reason) : ICommand<RecruitmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt)
                .WithMessage(_ => new Text("The recruitment must close after it opens.", "Nabór musi się zamknąć po otwarciu.").ToString());
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(RecruitmentChange.ReasonMaxLength);
        }
    }

    /// <summary>
    /// Extends or shortens the window. A new closing time is in the future (to stop now there is the closure), and the
    /// window keeps every application already in: it cannot open after the first one nor close before the last one.
    /// </summary>
    public sealed class Handler(RecruitmentChanges changes) : ICommandHandler<Command, RecruitmentView>
    {
        public async ValueTask<RecruitmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitment = await changes.LockAsync(command.RecruitmentId, cancellationToken);
            RecruitmentChanges.EnsureNotDecided(recruitment);
            var opensAt = command.OpensAt.ToUniversalTime();
            var closesAt = command.ClosesAt.ToUniversalTime();
            if (closesAt != recruitment.ClosesAt && closesAt <= changes.Now)
            {
                throw Problem.Unprocessable(new Text("The new closing time has passed; to stop taking applications now, close the recruitment (POST …/closure).",
                    "Nowy termin zamknięcia już minął; aby zakończyć przyjmowanie zgłoszeń teraz, zamknij nabór (POST …/closure)."), "closes-in-the-past");
            }

            if (await changes.SubmissionsAsync(recruitment.Id, cancellationToken) is { } span && (opensAt > span.First || closesAt <= span.Last))
            {
                throw Problem.Unprocessable(new Text(
                    $"Applications are already in from {WarsawTime.Format(span.First)} to {WarsawTime.Format(span.Last)}; the window must still contain them.",
                    $"Zgłoszenia wpłynęły już od {WarsawTime.Format(span.First)} do {WarsawTime.Format(span.Last)}; nowe terminy muszą je obejmować."),
                    "window-excludes-applications");
            }

            var before = new { recruitment.OpensAt, recruitment.ClosesAt };
            recruitment.ChangeWindow(opensAt, closesAt);
            changes.Record(recruitment, RecruitmentChangeKind.Window, command.Reason, before, new { recruitment.OpensAt, recruitment.ClosesAt });
            return RecruitmentView.From(recruitment, changes.Now);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPut("/{recruitmentId:guid}/window", async (Guid recruitmentId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(recruitmentId, r.OpensAt, r.ClosesAt, r.Reason), ct)))
            .WithName("ChangeRecruitmentWindow")
            .WithSummary("Extend or shorten a recruitment's window")
            .WithDescription("By the programme team, with a reason (kept with the change and audited). The window must still contain every " +
                             "application already in (422 `window-excludes-applications`) and a new closing time must be in the future (422 " +
                             "`closes-in-the-past`; to stop now, close it). 409 `recruitment-decided` once places are allocated or the list is " +
                             "published. Announced as `recruitment.changed`.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(RecruitmentView.Example.OpensAt, RecruitmentView.Example.ClosesAt.AddDays(7), "Przedłużenie naboru o tydzień na prośbę ZMP."))
            .WithResponseExample(StatusCodes.Status200OK, RecruitmentView.Example with { ClosesAt = RecruitmentView.Example.ClosesAt.AddDays(7), ClosesAtWarsaw = "2024-06-07 15:59 (Europe/Warsaw)" });
}
