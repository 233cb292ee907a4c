using System.ComponentModel;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Sections;

public static class UpdateSection
{
    /// <summary>
    /// The whole section but its anchor (stable) and kind; moving it is changing parentAnchor or position. The read-only members of
    /// <see cref="SectionView"/> are accepted and ignored, so that a section read with GET can be sent back as it is; any other
    /// member not listed here is still refused.
    /// </summary>
    public sealed record Request(
        string? ParentAnchor, int? Position, string Title, string Markdown, decimal? Hours, OutcomesRequest? LearningOutcomes,
        IReadOnlyList<DeliveryForm>? DeliveryForms, IReadOnlyList<TargetRole>? TargetRoles, IReadOnlyList<string>? Authors, IReadOnlyList<string>? LegalActs)
    {
        /// <summary>The members of <see cref="SectionView"/> a write ignores (JSON names); JSON Merge Patch refuses them.</summary>
        public static readonly IReadOnlyList<string> ReadOnlyMembers = ["anchor", "depth", "kind", "html", "reviewNeeded", "reviewReason", "updatedAt", "maturityAreas"];

        [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Anchor { get; init; }

        [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? Depth { get; init; }

        /// <remarks>A string rather than <see cref="SectionKind"/>: a reference to the enum's schema could not carry readOnly in the contract.</remarks>
        [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Kind { get; init; }

        [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Html { get; init; }

        [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? ReviewNeeded { get; init; }

        [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ReviewReason { get; init; }

        [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public DateTimeOffset? UpdatedAt { get; init; }

        /// <remarks>Read-only here: the tags have their own use case (PUT …/maturity-areas), which only the programme team may send.</remarks>
        [ReadOnly(true), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<string>? MaturityAreas { get; init; }

        /// <summary>What the section holds now, as a write would send it: the document a JSON Merge Patch applies to.</summary>
        public static Request From(SectionView s) => new(
            s.ParentAnchor, s.Position, s.Title, s.Markdown, s.Hours,
            new OutcomesRequest(s.LearningOutcomes.Knowledge, s.LearningOutcomes.Skills, s.LearningOutcomes.SocialCompetences),
            s.DeliveryForms, s.TargetRoles, s.Authors, s.LegalActs);

        public Command ToCommand(Guid versionId, string anchor, uint? expectedVersion) => new(
            versionId, anchor, expectedVersion, ParentAnchor, Position, Title, Markdown, Hours, LearningOutcomes, DeliveryForms, TargetRoles, Authors, LegalActs);
    }

    public sealed record Command(
        Guid VersionId, string Anchor, uint? ExpectedVersion, string? ParentAnchor, int? Position, string Title, string Markdown, decimal? Hours,
        OutcomesRequest? LearningOutcomes, IReadOnlyList<DeliveryForm>? DeliveryForms, IReadOnlyList<TargetRole>? TargetRoles,
        IReadOnlyList<string>? Authors, IReadOnlyList<string>? LegalActs) : ICommand<Versioned<SectionView>>, ISectionContentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
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
            var sections = await db.Set<Section>().Where(s => s.VersionId == version.Id).ToListAsync(cancellationToken);
            var section = sections.FirstOrDefault(s => s.Anchor == command.Anchor) ?? throw Problem.NotFound(SectionRules.SectionNoun, command.Anchor);
            version.EnsureEditable();
            await db.ExpectVersionAsync(section, command.ExpectedVersion, cancellationToken);

            var parent = command.ParentAnchor is null ? null : SectionRules.ResolveParent(sections, command.ParentAnchor, version.Label);
            SectionTree.EnsureKindFits(section.Kind, parent, section.Anchor);
            SectionTree.EnsureNoCycle(section, parent, sections);
            var content = command.ToContent();
            SectionRules.EnsureContentFitsKind(section.Kind, content, section.Anchor);
            var legalActs = await SectionRules.ResolveLegalActsAsync(db, command.LegalActs, cancellationToken);

            var now = clock.UtcNowForDatabase();
            var oldParent = section.ParentId;
            if (parent?.Id != oldParent || (command.Position is { } position && position != section.Position))
            {
                SectionRules.PlaceAmongSiblings(sections, section, parent?.Id, command.Position, now);
                SectionRules.Renumber(sections, oldParent, now);
            }

            section.Write(content, content.Markdown == section.Markdown ? section.Html : MarkdownRendering.ToHtml(content.Markdown), now);

            var current = await db.Set<SectionCitation>().Where(c => c.SectionId == section.Id).ToListAsync(cancellationToken);
            db.RemoveRange(current.Where(c => !legalActs.Contains(c.LegalActId)));
            db.AddRange(legalActs.Where(id => current.All(c => c.LegalActId != id)).Select(id => new SectionCitation(section.Id, id)));
            await db.SaveChangesAsync(cancellationToken);

            var depth = SectionTree.WithDepth(sections).Single(s => s.Section.Id == section.Id).Depth;
            var citations = await SectionRules.CitationsBySectionAsync(db, [section.Id], cancellationToken);
            return new(SectionView.From(section, parent?.Anchor, depth, citations.GetValueOrDefault(section.Id) ?? []), section.Version);
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapPut("/{versionId:guid}/sections/{anchor}", async (Guid versionId, string anchor, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var expected = EntityTags.RequireIfMatch(http.Request);
                var updated = await mediator.Send(r.ToCommand(versionId, anchor, expected), ct);
                http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("UpdateSection")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, SectionRules.UnknownParentAnchor, SectionRules.UnknownLegalAct)
            .WithSummary("Change or move a section of a draft")
            .WithDescription("Replaces the section's content; a different parentAnchor or position moves it (never under itself). " +
                             "Editing clears its review-needed flag. A version past draft is frozen: 409, create a new draft from it. " +
                             "The body may be the section as read with GET: its read-only members (anchor, depth, kind, html, reviewNeeded, " +
                             "reviewReason, updatedAt, maturityAreas, learningOutcomes.count) are ignored, any other unknown member is refused with 400. " +
                             "To change only some members, use PATCH with a JSON Merge Patch. The maturity-area tags are kept; " +
                             "they are changed with PUT …/maturity-areas.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request("modul-3", 0, SectionView.Example.Title, SectionView.Example.Markdown, 4,
                new OutcomesRequest(SectionView.Example.LearningOutcomes.Knowledge, SectionView.Example.LearningOutcomes.Skills, SectionView.Example.LearningOutcomes.SocialCompetences),
                SectionView.Example.DeliveryForms, SectionView.Example.TargetRoles, SectionView.Example.Authors, SectionView.Example.LegalActs))
            .WithResponseExample(StatusCodes.Status200OK, SectionView.Example);
}
