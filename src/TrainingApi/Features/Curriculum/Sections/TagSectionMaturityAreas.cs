using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.ReferenceData;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Sections;

/// <summary>
/// The programme team says which maturity areas a section helps with. The tags are part of the version's content (a new draft
/// copies them, a frozen version keeps them), and a self-assessment recommends the sections of the latest published release
/// tagged with a JST's weakest areas.
/// </summary>
public static class TagSectionMaturityAreas
{
    /// <summary>More than every area of the framework is never needed; the bound keeps a request small.</summary>
    public const int MaxAreas = 20;

    public const int AreaCodeMaxLength = 50;

    /// <param name="MaturityAreas">The area codes of the current maturity framework; an empty list removes every tag.</param>
    public sealed record Request([property: Required] IReadOnlyList<string> MaturityAreas);

    /// <param name="ExpectedVersion">From If-Match; null for <c>*</c>.</param>
    public sealed record Command(Guid VersionId, string Anchor, uint? ExpectedVersion, IReadOnlyList<string> MaturityAreas) : ICommand<Versioned<SectionView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MaturityAreas).NotNull().MaximumItems(MaxAreas);
            RuleForEach(c => c.MaturityAreas).NotEmpty().MaximumLength(AreaCodeMaxLength);
        }
    }

    public sealed class Handler(TrainingDb db, Access access, IMaturityAreaCatalogue catalogue, TimeProvider clock) : ICommandHandler<Command, Versioned<SectionView>>
    {
        public async ValueTask<Versioned<SectionView>> Handle(Command command, CancellationToken ct)
        {
            var areas = Normalise(command.MaturityAreas, catalogue);

            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>(), v => v.Id == command.VersionId,
                CurriculumModule.VersionNoun, command.VersionId, ct);
            var sections = await db.Set<Section>().Where(s => s.VersionId == version.Id).ToListAsync(ct);
            var section = sections.FirstOrDefault(s => s.Anchor == command.Anchor) ?? throw Problem.NotFound(SectionRules.SectionNoun, command.Anchor);
            version.EnsureEditable();
            await db.ExpectVersionAsync(section, command.ExpectedVersion, ct);

            section.TagMaturityAreas(areas, clock.UtcNowForDatabase());
            await db.SaveChangesAsync(ct);

            var (_, depth) = SectionTree.WithDepth(sections).Single(s => s.Section.Id == section.Id);
            var parent = sections.FirstOrDefault(s => s.Id == section.ParentId)?.Anchor;
            var citations = await SectionRules.CitationsBySectionAsync(db, [section.Id], ct);
            return new(SectionView.From(section, parent, depth, citations.GetValueOrDefault(section.Id) ?? []), section.Version);
        }
    }

    /// <summary>
    /// The codes as stored: each once, in the framework's order (so the same set always reads the same). A code the current
    /// framework does not have is a 400 naming every such code, before anything is read or written.
    /// </summary>
    private static IReadOnlyList<string> Normalise(IReadOnlyList<string> codes, IMaturityAreaCatalogue catalogue)
    {
        var unknown = codes.Where(c => catalogue.Areas.All(a => a.Code != c)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", catalogue.Areas.Select(a => a.Code));
            var named = string.Join(", ", unknown.Select(c => $"'{c}'"));
            throw Problem.Validation("maturityAreas", new Text(
                $"Not an area of maturity framework {catalogue.FrameworkVersion}: {named}. The areas are: {known}.",
                $"To nie są obszary modelu dojrzałości {catalogue.FrameworkVersion}: {named}. Obszary to: {known}."));
        }

        return [.. catalogue.Areas.Select(a => a.Code).Where(code => codes.Contains(code, StringComparer.Ordinal))];
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapPut("/{versionId:guid}/sections/{anchor}/maturity-areas",
                async (Guid versionId, string anchor, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    var expected = EntityTags.RequireIfMatch(http.Request);
                    var updated = await mediator.Send(new Command(versionId, anchor, expected, r.MaturityAreas), ct);
                    http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                    return TypedResults.Ok(updated.Value);
                })
            .WithName("TagSectionMaturityAreas")
            .WithSummary("Tag a section of a draft with the maturity areas it helps with")
            .WithDescription("Replaces the section's `maturityAreas` with the area codes of the current maturity framework " +
                             "(GET /api/v1/maturity-framework); an empty list removes every tag. A code the framework does not have is a 400 " +
                             "naming it, and nothing changes. A code sent twice is kept once (duplicates are removed, not refused), and the tags " +
                             "are stored in the framework's order. The tags are part of the version's content: a version past draft is frozen " +
                             "(409, create a new draft from it, which copies the tags). The section's ETag as for PUT of the section " +
                             "(If-Match required, 412 when stale); its content and review flag are untouched. A self-assessment recommends the " +
                             "sections of the latest published release tagged with the JST's weakest areas. Programme team only.")
            .RequireRoles(Roles.ProgrammeTeam)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(["cyberbezpieczenstwo"]))
            .WithResponseExample(StatusCodes.Status200OK, SectionView.Example);
}
