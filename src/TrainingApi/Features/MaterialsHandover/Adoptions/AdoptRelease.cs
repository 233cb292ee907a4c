using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Adoptions;

public static class AdoptRelease
{
    /// <param name="Project">Where the JST uses the materials, e.g. its project in the 2025–2028 competitive call.</param>
    public sealed record Request(string Project);

    public sealed record Command(Guid ReleaseId, string Project) : ICommand<AdoptionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Project).NotEmpty().MaximumLength(300);
    }

    public sealed class Handler(TrainingDb db, Caller caller, IJstDirectory jsts, TimeProvider clock) : ICommandHandler<Command, AdoptionView>
    {
        public async ValueTask<AdoptionView> Handle(Command command, CancellationToken ct)
        {
            var release = await db.Set<Release>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.ReleaseId && r.Status != ReleaseStatus.Draft, ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, command.ReleaseId);
            if (release.Status == ReleaseStatus.Superseded)
            {
                throw Problem.Conflict(new Text(
                    $"Release {release.SemanticVersion} has been superseded; adopt the latest one (GET /api/v1/catalogue/releases/latest).",
                    $"Wydanie {release.SemanticVersion} zostało zastąpione; wskaż najnowsze (GET /api/v1/catalogue/releases/latest)."),
                    "release-superseded", [("supersededById", release.SupersededById)]);
            }

            var jst = jsts.Find(caller.Teryt)!;
            var adoption = new Adoption(release.Id, jst.CanonicalTeryt, jst.Name, command.Project.Trim(), caller.Subject!, clock.UtcNowForDatabase());
            db.Add(adoption);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw Problem.Conflict(new Text($"{jst.Name} has recorded this release already.", $"{jst.Name} już wskazała to wydanie."), "already-adopted");
            }

            return AdoptionView.From(adoption);
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapPost("/{releaseId:guid}/adoptions", async (Guid releaseId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(releaseId, r.Project), ct);
                return TypedResults.Created($"/api/v1/releases/{releaseId}/adoptions/{created.Id}", created);
            })
            .WithName("AdoptRelease")
            .WithSummary("Record that a JST uses a published release")
            .WithDescription("By the JST's coordinator, for the latest release. When the release is superseded or a legal act it cites is " +
                             "amended, `adopted-release.affected` names the JST that adopted it.")
            .RequireRoles(Roles.JstCoordinator)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(AdoptionView.Example.Project))
            .WithResponseExample(StatusCodes.Status201Created, AdoptionView.Example);
}
