using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.Curriculum.Versions;

public static class CreateVersion
{
    /// <param name="UpdateReason">Takes the update path (a small change of a tested predecessor): `basedOnVersionId` names that predecessor and `notes` state what changed and why.</param>
    public sealed record Request(string Label, Guid? BasedOnVersionId, string? Notes, UpdateReason? UpdateReason = null);

    public sealed record Command(Guid ProgrammeId, string Label, Guid? BasedOnVersionId, string? Notes, UpdateReason? UpdateReason = null) : ICommand<Versioned<VersionView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Label).NotEmpty().MaximumLength(ProgrammeVersion.LabelMaxLength).Matches(@"^[0-9]{1,3}\.[0-9]{1,3}$")
                .WithMessage(_ => new Text("Write the label as major.minor, e.g. 1.0 or 1.1.", "Zapisz oznaczenie jako główna.poboczna, np. 1.0 albo 1.1.").ToString());
            RuleFor(c => c.Notes).MaximumLength(ProgrammeVersion.NotesMaxLength);
            RuleFor(c => c.UpdateReason).IsInEnum();
            RuleFor(c => c.BasedOnVersionId).NotEmpty().When(c => c.UpdateReason is not null)
                .WithMessage(_ => new Text("An update names the tested version it updates (basedOnVersionId).", "Aktualizacja wskazuje przetestowaną wersję, którą zmienia (basedOnVersionId).").ToString());
            RuleFor(c => c.Notes).NotEmpty().When(c => c.UpdateReason is not null)
                .WithMessage(_ => new Text("An update states in its notes what changed and why.", "Aktualizacja podaje w uwagach, co się zmieniło i dlaczego.").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, Access access, VersionTotalsCalculator totals, TestedEvidence evidence, TimeProvider clock) : ICommandHandler<Command, Versioned<VersionView>>
    {
        public async ValueTask<Versioned<VersionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Set<Programme>().AnyAsync(p => p.Id == command.ProgrammeId, cancellationToken))
            {
                throw Problem.NotFound(CurriculumModule.ProgrammeNoun, command.ProgrammeId);
            }

            if (await db.Set<ProgrammeVersion>().AnyAsync(v => v.ProgrammeId == command.ProgrammeId && v.Label == command.Label, cancellationToken))
            {
                throw Problem.Conflict(new Text($"The programme already has a version {command.Label}; choose another label.",
                    $"Program ma już wersję {command.Label}; wybierz inne oznaczenie."), "version-label-taken");
            }

            var now = clock.UtcNowForDatabase();
            var version = new ProgrammeVersion(command.ProgrammeId, command.Label, command.BasedOnVersionId, command.Notes?.Trim(), now, command.UpdateReason);
            db.Add(version);
            if (command.BasedOnVersionId is { } basedOn)
            {
                var source = await access.FindVisibleAsync(db.Set<ProgrammeVersion>().AsNoTracking(), v => v.Id == basedOn && v.ProgrammeId == command.ProgrammeId,
                    CurriculumModule.VersionNoun, basedOn, cancellationToken);
                if (command.UpdateReason is not null && !await evidence.WasTestedAsync(source, cancellationToken))
                {
                    throw TestedEvidence.PredecessorNotTested.Refuse(ProblemKind.UnprocessableContent, new Text(
                        $"Version {source.Label} is {ProgrammeVersion.StatusName(source.Status)}: the update path starts from a tested version. Without one, take the full path (leave updateReason out).",
                        $"Wersja {source.Label} ma status {ProgrammeVersion.StatusName(source.Status)}: ścieżka aktualizacji zaczyna się od wersji przetestowanej. Bez niej wybierz pełną ścieżkę (pomiń updateReason)."),
                        new(source.Id));
                }

                await CopySectionsAsync(source.Id, version.Id, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            var sums = await totals.ForAsync(version.Id, cancellationToken);
            return new(VersionView.From(version, sums), GetVersion.VersionTag(version, sums));
        }

        /// <summary>The new draft starts as a copy: same anchors, same tree, same citations and review flags, same assets.</summary>
        private async Task CopySectionsAsync(Guid from, Guid to, DateTimeOffset now, CancellationToken ct)
        {
            var sections = await db.Set<Section>().AsNoTracking().Where(s => s.VersionId == from).ToListAsync(ct);
            var citations = await db.Set<SectionCitation>().AsNoTracking()
                .Where(c => db.Set<Section>().Any(s => s.Id == c.SectionId && s.VersionId == from)).ToListAsync(ct);
            var copies = new Dictionary<Guid, Section>();
            foreach (var section in SectionTree.InDocumentOrder(sections))
            {
                var copy = section.CopyInto(to, section.ParentId is { } parent ? copies[parent].Id : null, now);
                copies[section.Id] = copy;
                db.Add(copy);
            }

            foreach (var citation in citations)
            {
                db.Add(new SectionCitation(copies[citation.SectionId].Id, citation.LegalActId));
            }

            // Its images and attachments too, under the same names: the bytes are shared, not copied.
            foreach (var asset in await db.Set<Assets.VersionAsset>().AsNoTracking().Where(a => a.VersionId == from).ToListAsync(ct))
            {
                db.Add(asset.CopyInto(to));
            }
        }
    }

    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapPost("/{programmeId:guid}/versions", async (Guid programmeId, Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(programmeId, request.Label, request.BasedOnVersionId, request.Notes, request.UpdateReason), ct);
                http.Response.Headers.ETag = EntityTags.Format(created.Version);
                return TypedResults.Created($"/api/v1/versions/{created.Value.Id}", created.Value);
            })
            .WithName("CreateVersion")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, TestedEvidence.PredecessorNotTested)
            .WithSummary("Create a draft version")
            .WithDescription("Empty, or a copy of any version of the same programme (basedOnVersionId) keeping its anchors, tree, " +
                             "citations, review flags and assets (images and attachments): the way to change a version whose content is frozen. With `updateReason` " +
                             "(change-in-law, change-in-technology, correction) and notes saying what changed, the version takes the update path " +
                             "from a tested predecessor (422 `predecessor-not-tested` otherwise): review and accessibility, then tested on the " +
                             "predecessor's carried evidence, without consultation and pilot.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .Idempotent()
            .SendsETag(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request("1.1", VersionView.Example.Id, "Wersja po konsultacjach ze związkami JST."))
            .WithResponseExample(StatusCodes.Status201Created, VersionView.Example with { Status = VersionStatus.Draft, Label = "1.1" });
}
