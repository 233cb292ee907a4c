using FluentValidation;
using Mediator;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Accessibility;

namespace TrainingApi.Features.Curriculum.Versions;

public static class TransitionVersion
{
    /// <param name="BlockingFindings">The ids of the accessibility errors not waived.</param>
    public sealed record AccessibilityErrorsMembers(IReadOnlyList<string> BlockingFindings);

    public static readonly ProblemShape<AccessibilityErrorsMembers> AccessibilityErrors = new("accessibility-errors");

    public sealed record Request(VersionStatus To, string Reason);

    public sealed record Result(VersionView Version, TransitionView Transition, AccessibilitySummary? Accessibility);

    public sealed record Command(Guid VersionId, VersionStatus To, string Reason) : ICommand<Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.To).IsInEnum();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(VersionTransition.ReasonMaxLength);
        }
    }

    public sealed class Handler(
        TrainingDb db, Access access, Caller caller, VersionAccessibility accessibility, VersionTotalsCalculator totals, TestedEvidence evidence, EventOutbox events,
        TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>(), v => v.Id == command.VersionId,
                CurriculumModule.VersionNoun, command.VersionId, cancellationToken);
            var from = version.Status;
            if (!VersionWorkflow.Exists(from, command.To, version.Path))
            {
                var next = string.Join(", ", VersionWorkflow.NextFrom(from, version.Path).Select(ProgrammeVersion.StatusName));
                throw Problem.Conflict(new Text(
                    $"Version {version.Label} is {ProgrammeVersion.StatusName(from)} and cannot move to {ProgrammeVersion.StatusName(command.To)}. " +
                    (next.Length > 0 ? $"It can move to: {next}." : "It is final.") +
                    (from != VersionStatus.Draft && command.To == VersionStatus.Draft ? " To change its content, create a new draft from it." : ""),
                    $"Wersja {version.Label} ma status {ProgrammeVersion.StatusName(from)} i nie może przejść do {ProgrammeVersion.StatusName(command.To)}. " +
                    (next.Length > 0 ? $"Może przejść do: {next}." : "To status końcowy.") +
                    (from != VersionStatus.Draft && command.To == VersionStatus.Draft ? " Aby zmienić treść, utwórz z niej nową wersję roboczą." : "")),
                    "transition-not-allowed");
            }

            var allowed = VersionWorkflow.WhoMay(from, command.To, version.Path);
            if (!allowed.Any(caller.Is))
            {
                throw Problem.Forbidden(new Text(
                    $"Only {string.Join(", ", allowed)} may move a version from {ProgrammeVersion.StatusName(from)} to {ProgrammeVersion.StatusName(command.To)}.",
                    $"Tylko {string.Join(", ", allowed)} może przenieść wersję ze statusu {ProgrammeVersion.StatusName(from)} do {ProgrammeVersion.StatusName(command.To)}."));
            }

            // The check runs on every move out of draft, and its unwaived errors block `accessible`.
            AccessibilitySummary? summary = null;
            if (from == VersionStatus.Draft || command.To == VersionStatus.Accessible)
            {
                var report = await accessibility.CheckAsync(version.Id, cancellationToken);
                summary = report.Summary;
                if (command.To == VersionStatus.Accessible && !summary.Passes)
                {
                    throw AccessibilityErrors.Refuse(ProblemKind.Conflict, new Text(
                        $"The accessibility check found {summary.BlockingErrors} error(s) not waived. Waive each with a reason " +
                        $"(POST /api/v1/versions/{version.Id}/accessibility/waivers), or fix them in a new draft.",
                        $"Kontrola dostępności wykazała {summary.BlockingErrors} nieuchylonych błędów. Uchyl każdy z uzasadnieniem " +
                        $"(POST /api/v1/versions/{version.Id}/accessibility/waivers) albo popraw je w nowej wersji roboczej."),
                        new([.. report.Blocking.Select(f => f.Id)]));
                }
            }

            var now = clock.UtcNowForDatabase();
            if (command.To == VersionStatus.Tested)
            {
                var found = await evidence.RequireAsync(version, cancellationToken);
                version.MarkTested(found.RecruitmentId, found.VersionId, now);
            }
            else
            {
                version.MoveTo(command.To, now);
            }

            var transition = new VersionTransition(version.Id, from, command.To, command.Reason.Trim(), caller.Subject!, now);
            db.Add(transition);
            events.Publish(new VersionStatusChanged(version.ProgrammeId, version.Id, version.Label, ProgrammeVersion.StatusName(from), ProgrammeVersion.StatusName(command.To)));
            await db.SaveChangesAsync(cancellationToken);
            return new Result(VersionView.From(version, await totals.ForAsync(version.Id, cancellationToken)), TransitionView.Of(transition), summary);
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapPost("/{versionId:guid}/transitions", async (Guid versionId, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(versionId, request.To, request.Reason), ct)))
            .WithName("TransitionVersion")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, AccessibilityErrors, TestedEvidence.PredecessorNotTested, TestedEvidence.NoPilotEvidence)
            .WithSummary("Move a version on in its workflow")
            .WithDescription("Full path: draft → in-review (authors or team) → accessible → in-consultation → revised → in-pilot → tested (team). " +
                             "Update path (a version created with `updateReason` from a tested predecessor): draft → in-review → accessible → " +
                             "tested. Any live version → superseded (team). The reason is recorded. Leaving draft runs the accessibility check; its " +
                             "unwaived errors block `accessible`. `tested` needs evidence: on the full path a pilot of the version with completed " +
                             "JST and evaluations (409 `no-pilot-evidence`), on the update path a tested predecessor (409 `predecessor-not-tested`), " +
                             "whose evidence is carried. Not allowed moves are 409 naming the allowed ones.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(VersionStatus.InConsultation, "Konsultacje ze związkami JST od 11 marca do 5 kwietnia 2024 r."))
            .WithResponseExample(StatusCodes.Status200OK, new Result(VersionView.Example, TransitionView.Example, null));
}
