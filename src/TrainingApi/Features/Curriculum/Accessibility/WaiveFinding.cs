using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Accessibility;

public static class WaiveFinding
{
    public sealed record Request(string FindingId, string Reason);

    public sealed record Command(Guid VersionId, string FindingId, string Reason) : ICommand<FindingView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FindingId).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Reason).NotEmpty().MinimumLength(10).MaximumLength(AccessibilityWaiver.ReasonMaxLength);
        }
    }

    public sealed class Handler(TrainingDb db, Access access, VersionAccessibility accessibility, Caller caller, TimeProvider clock)
        : ICommandHandler<Command, FindingView>
    {
        public async ValueTask<FindingView> Handle(Command command, CancellationToken cancellationToken)
        {
            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>(), v => v.Id == command.VersionId,
                CurriculumModule.VersionNoun, command.VersionId, cancellationToken);
            if (version.IsDraft)
            {
                throw Problem.Conflict(new Text("A draft can still be corrected: fix the finding instead. Waivers are for versions in review.",
                    "Wersję roboczą można jeszcze poprawić: usuń problem zamiast go uchylać. Uchylenia dotyczą wersji w przeglądzie."), "version-is-draft");
            }

            var finding = (await accessibility.CheckAsync(version.Id, cancellationToken)).Findings.FirstOrDefault(f => f.Id == command.FindingId)
                          ?? throw Problem.NotFound(new Text("finding", "wynik kontroli"), command.FindingId);
            if (finding.Waiver is not null)
            {
                throw Problem.Conflict(new Text("This finding is already waived.", "Ten wynik kontroli jest już uchylony."), "finding-already-waived");
            }

            var waiver = new AccessibilityWaiver(version.Id, finding.Id, command.Reason.Trim(), caller.Subject!, clock.UtcNowForDatabase());
            db.Add(waiver);
            await db.SaveChangesAsync(cancellationToken);
            return finding with { Waiver = new WaiverView(waiver.Reason, waiver.WaivedBy, waiver.WaivedAt) };
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapPost("/{versionId:guid}/accessibility/waivers", async (Guid versionId, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/versions/{versionId}/accessibility", await mediator.Send(new Command(versionId, request.FindingId, request.Reason), ct)))
            .WithName("WaiveAccessibilityFinding")
            .WithSummary("Waive an accessibility finding, with a reason")
            .WithDescription("The programme team decides a finding of a version in review does not block `accessible`; the reason is kept and shown with the finding.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request("modul-2-1:language-unmarked:12:1", "Cytat z oficjalnego dokumentu UE, pozostawiony w brzmieniu oryginalnym; oznaczony w wersji 1.1."))
            .WithResponseExample(StatusCodes.Status201Created, VersionAccessibilityReport.Example.Findings[0] with
            {
                Waiver = new WaiverView("Cytat z oficjalnego dokumentu UE.", "anna.kowalska", new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero)),
            });
}
