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
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Sections;

public static class AddSection
{
    public sealed record Request(
        string Anchor, string? ParentAnchor, int? Position, SectionKind Kind, string Title, string Markdown, decimal? Hours,
        OutcomesRequest? LearningOutcomes, IReadOnlyList<DeliveryForm>? DeliveryForms, IReadOnlyList<TargetRole>? TargetRoles,
        IReadOnlyList<string>? Authors, IReadOnlyList<string>? LegalActs);

    public sealed record Command(
        Guid VersionId, string Anchor, string? ParentAnchor, int? Position, SectionKind Kind, string Title, string Markdown, decimal? Hours,
        OutcomesRequest? LearningOutcomes, IReadOnlyList<DeliveryForm>? DeliveryForms, IReadOnlyList<TargetRole>? TargetRoles,
        IReadOnlyList<string>? Authors, IReadOnlyList<string>? LegalActs) : ICommand<Versioned<SectionView>>, ISectionContentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Anchor).NotEmpty().MaximumLength(Section.AnchorMaxLength).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
                .WithMessage(_ => new Text("An anchor is lowercase letters and digits joined by hyphens, e.g. modul-2-3.",
                    "Kotwica to małe litery i cyfry połączone łącznikami, np. modul-2-3.").ToString());
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Position).GreaterThanOrEqualTo(0);
            Include(new SectionContentValidator());
        }
    }

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : ICommandHandler<Command, Versioned<SectionView>>
    {
        public async ValueTask<Versioned<SectionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>(), v => v.Id == command.VersionId,
                CurriculumModule.VersionNoun, command.VersionId, cancellationToken);
            version.EnsureEditable();
            var sections = await db.Set<Section>().Where(s => s.VersionId == version.Id).ToListAsync(cancellationToken);
            if (sections.Any(s => s.Anchor == command.Anchor))
            {
                throw Problem.Conflict(new Text($"Version {version.Label} already has a section '{command.Anchor}'; anchors are unique in a version. Choose another, or change that section.",
                    $"Wersja {version.Label} ma już sekcję '{command.Anchor}'; kotwice są w wersji unikalne. Wybierz inną albo zmień tamtą sekcję."), "anchor-taken");
            }

            var parent = command.ParentAnchor is null ? null : SectionRules.ResolveParent(sections, command.ParentAnchor, version.Label);
            SectionTree.EnsureKindFits(command.Kind, parent, command.Anchor);
            var content = command.ToContent();
            SectionRules.EnsureContentFitsKind(command.Kind, content, command.Anchor);
            var legalActs = await SectionRules.ResolveLegalActsAsync(db, command.LegalActs, cancellationToken);

            var now = clock.UtcNowForDatabase();
            var section = new Section(version.Id, command.Anchor, parent?.Id, 0, command.Kind, content, MarkdownRendering.ToHtml(content.Markdown), now);
            SectionRules.PlaceAmongSiblings(sections, section, parent?.Id, command.Position, now);
            db.Add(section);
            db.AddRange(legalActs.Select(id => new SectionCitation(section.Id, id)));
            await db.SaveChangesAsync(cancellationToken);

            var depth = SectionTree.WithDepth([.. sections, section]).Single(s => s.Section.Id == section.Id).Depth;
            var citations = await SectionRules.CitationsBySectionAsync(db, [section.Id], cancellationToken);
            return new(SectionView.From(section, parent?.Anchor, depth, citations.GetValueOrDefault(section.Id) ?? []), section.Version);
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapPost("/{versionId:guid}/sections", async (Guid versionId, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var added = await mediator.Send(new Command(versionId, r.Anchor, r.ParentAnchor, r.Position, r.Kind, r.Title, r.Markdown, r.Hours,
                    r.LearningOutcomes, r.DeliveryForms, r.TargetRoles, r.Authors, r.LegalActs), ct);
                http.Response.Headers.ETag = EntityTags.Format(added.Version);
                return TypedResults.Created($"/api/v1/versions/{versionId}/sections/{added.Value.Anchor}", added.Value);
            })
            .WithName("AddSection")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, SectionRules.UnknownParentAnchor, SectionRules.UnknownLegalAct)
            .WithSummary("Add a section to a draft version")
            .WithDescription("A module (top level), a unit (under a module), an advisory-guideline section or an annex. `position` is 0-based " +
                             "among its siblings (the end when left out). Markdown may not contain raw HTML other than <span lang=\"…\">, nor " +
                             "script links. Hours are didactic hours (45 min), only for modules and units. Past draft: 409, create a new draft.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .Idempotent()
            .SendsETag(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request("modul-3-1", "modul-3", null, SectionKind.Unit, SectionView.Example.Title, SectionView.Example.Markdown, 4,
                new OutcomesRequest(SectionView.Example.LearningOutcomes.Knowledge, SectionView.Example.LearningOutcomes.Skills, SectionView.Example.LearningOutcomes.SocialCompetences),
                SectionView.Example.DeliveryForms, SectionView.Example.TargetRoles, SectionView.Example.Authors, SectionView.Example.LegalActs))
            .WithResponseExample(StatusCodes.Status201Created, SectionView.Example);
}
