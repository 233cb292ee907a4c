using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Slugs;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public static class CreateRelease
{
    /// <param name="PilotRecruitmentId">The pilot the version rests on: the only one a release of it may carry.</param>
    public sealed record PilotNotOfVersionMembers(Guid PilotRecruitmentId);

    public static readonly ProblemShape<PilotNotOfVersionMembers> PilotNotOfVersion = new("pilot-not-of-version");

    /// <param name="SemanticVersion">major.minor.patch, higher than every earlier release of the programme.</param>
    /// <param name="PilotRecruitmentId">
    /// Only for a version tested before pilots named versions: the pilot whose evaluation summary and advisory outcomes the release carries.
    /// Otherwise the release carries the evidence the version rests on (its own pilot, or its tested predecessor's), and another pilot is 422.
    /// </param>
    public sealed record Request(Guid VersionId, string SemanticVersion, string Title, [property: Required] IReadOnlyList<ReleaseReason> Reasons, string Notes,
        string? Licence, string? Language, Guid? PilotRecruitmentId);

    public sealed record Command(Guid VersionId, string SemanticVersion, string Title, IReadOnlyList<ReleaseReason> Reasons, string Notes,
        string? Licence, string? Language, Guid? PilotRecruitmentId) : ICommand<ReleaseView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // Refused here rather than as a 404 for the empty id, and so marked required in the contract.
            RuleFor(c => c.VersionId).NotEmpty();
            RuleFor(c => c.SemanticVersion).NotEmpty().Matches(Release.SemanticVersionPattern)
                .WithMessage(_ => new Text("A semantic version is major.minor.patch, e.g. 2.0.0.", "Wersja semantyczna ma postać major.minor.patch, np. 2.0.0.").ToString());
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Reasons).NotEmpty();
            RuleForEach(c => c.Reasons).IsInEnum();
            RuleFor(c => c.Notes).NotEmpty().MaximumLength(Release.NotesMaxLength)
                .WithMessage(_ => new Text("Release notes say why this release was made (up to 10,000 characters).", "Informacje o wydaniu mówią, dlaczego je przygotowano (do 10 000 znaków).").ToString());
            RuleFor(c => c.Licence).MaximumLength(50);
            RuleFor(c => c.Language).Matches("^[a-z]{2}$");
        }
    }

    public sealed class Handler(TrainingDb db, VersionContents versions, PilotParticipation pilot, ReleaseSnapshot snapshot, ProgrammeSlugs slugs, TimeProvider clock)
        : ICommandHandler<Command, ReleaseView>
    {
        public async ValueTask<ReleaseView> Handle(Command command, CancellationToken ct)
        {
            var version = await versions.FindAsync(command.VersionId, ct) ?? throw Problem.NotFound(CurriculumModule.VersionNoun, command.VersionId);
            if (version.Status != VersionStatus.Tested)
            {
                throw Problem.Conflict(new Text(
                    $"Version {version.Label} is {ProgrammeVersion.StatusName(version.Status)}; releases are built from a tested version (after the pilot).",
                    $"Wersja {version.Label} ma status {ProgrammeVersion.StatusName(version.Status)}; wydania buduje się z wersji przetestowanej (po pilotażu)."),
                    "version-not-tested");
            }

            if (command.PilotRecruitmentId is { } recruitmentId && !await pilot.RecruitmentExistsAsync(recruitmentId, ct))
            {
                throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, recruitmentId);
            }

            // The evidence comes from the version's chain (the pilot that tested it or its tested predecessor), not from the caller.
            var evidence = version.Lineage.PilotRecruitmentId;
            if (evidence is not null && command.PilotRecruitmentId is { } named && named != evidence)
            {
                throw PilotNotOfVersion.Refuse(ProblemKind.UnprocessableContent, new Text(
                    $"Version {version.Label} rests on the pilot {evidence} (of version {version.Lineage.TestedVersionLabel}); a release carries that evidence, not another pilot's. Leave pilotRecruitmentId out.",
                    $"Wersja {version.Label} opiera się na pilotażu {evidence} (wersji {version.Lineage.TestedVersionLabel}); wydanie przenosi te dowody, nie innego pilotażu. Pomiń pilotRecruitmentId."),
                    new(evidence.Value));
            }

            var pilotId = evidence ?? command.PilotRecruitmentId;

            var semver = System.Version.Parse(command.SemanticVersion);
            var earlier = await db.Set<Release>().AsNoTracking().Where(r => r.ProgrammeId == version.ProgrammeId).Select(r => r.SemanticVersion).ToListAsync(ct);
            if (earlier.Select(System.Version.Parse).Where(v => v >= semver).Max() is { } higher)
            {
                throw Problem.Conflict(new Text(
                    $"Release {higher} of this programme exists; a new release needs a higher semantic version than every earlier one.",
                    $"Istnieje wydanie {higher} tego programu; nowe wydanie wymaga wyższej wersji semantycznej niż każde wcześniejsze."), "semantic-version-not-higher");
            }

            var now = clock.UtcNowForDatabase();
            var id = Guid.CreateVersion7(now);
            // From this release on, the programme's slug is part of persistent addresses and never changes.
            var slug = await slugs.FreezeAsync(version.ProgrammeId, now, ct);
            var reasons = command.Reasons.Distinct().ToList();
            var licence = string.IsNullOrWhiteSpace(command.Licence) ? "CC-BY-4.0" : command.Licence.Trim();
            var language = command.Language ?? "pl";
            var document = await snapshot.TakeAsync(id, version, command.SemanticVersion, command.Title.Trim(), [.. reasons.Select(r => Common.Http.QueryEnum.Name(r))],
                command.Notes.Trim(), licence, language, pilotId, now, ct);
            var release = new Release(id, version.ProgrammeId, version.VersionId, version.Label, command.SemanticVersion, command.Title.Trim(), reasons, command.Notes.Trim(),
                licence, language, pilotId, ReleaseJson.Serialize(document), [.. version.CitedActs.Select(a => a.Id)], now, slug,
                version.Lineage.Carried ? version.Lineage.TestedVersionLabel : null, document.Evidence?.UpdateReason);
            db.Add(release);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Two builds of the same semantic version at once: the unique index keeps one.
                throw Problem.Conflict(new Text($"Release {command.SemanticVersion} of this programme exists already.",
                    $"Wydanie {command.SemanticVersion} tego programu już istnieje."), "semantic-version-not-higher");
            }

            return ReleaseView.From(release, []);
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapPost("/", async (Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(r.VersionId, r.SemanticVersion, r.Title, r.Reasons, r.Notes, r.Licence, r.Language, r.PilotRecruitmentId), ct);
                return TypedResults.Created($"/api/v1/releases/{created.Id}", created);
            })
            .WithName("CreateRelease")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, PilotNotOfVersion)
            .WithSummary("Build a release (draft) from a tested programme version")
            .WithDescription("Takes a snapshot of the version's programme and guidelines with its accessibility statement, the published " +
                             "consultation reports of the programme and the evidence the version rests on: the evaluation summary and advisory " +
                             "outcomes of the pilot that tested it or, on the update path, its tested predecessor (marked as carried), with the " +
                             "update's reason and the diff from the predecessor. `pilotRecruitmentId` is only for versions tested before pilots " +
                             "named versions (another pilot than the version's is 422 `pilot-not-of-version`). Semantic version higher than every earlier release; licence CC-BY-4.0 and language pl unless given. " +
                             "Files can be previewed while it is a draft; publishing makes it immutable.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(ReleaseView.Example.VersionId, "2.0.0", ReleaseView.Example.Title, [ReleaseReason.PilotFindings], ReleaseView.Example.Notes,
                null, null, null))
            .WithResponseExample(StatusCodes.Status201Created, ReleaseView.Example with { Status = ReleaseStatus.Draft, PublishedAt = null, Files = [] });
}
