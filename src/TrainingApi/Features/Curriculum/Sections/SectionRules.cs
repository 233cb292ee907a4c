using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Curriculum.LegalActs;

namespace TrainingApi.Features.Curriculum.Sections;

/// <summary>The rules about a section that depend on its kind or on other rows: hours, outcomes, parents, cited acts.</summary>
public static class SectionRules
{
    /// <param name="Anchor">The parent anchor that names no section of the version.</param>
    public sealed record UnknownParentAnchorMembers(string Anchor);

    /// <param name="Citations">The citations not in the register of legal acts.</param>
    public sealed record UnknownLegalActMembers(IReadOnlyList<string> Citations);

    public static readonly ProblemShape<UnknownParentAnchorMembers> UnknownParentAnchor = new("unknown-parent-anchor");
    public static readonly ProblemShape<UnknownLegalActMembers> UnknownLegalAct = new("unknown-legal-act");

    public static readonly Text SectionNoun = new("section", "sekcja");

    public static void EnsureContentFitsKind(SectionKind kind, SectionContent content, string anchor)
    {
        var teaching = kind is SectionKind.Module or SectionKind.Unit;
        if (!teaching && (content.Hours is not null || content.Outcomes.Count > 0 || content.DeliveryForms.Count > 0))
        {
            throw Problem.Validation("hours", new Text(
                $"'{anchor}' is a {Common.Http.QueryEnum.Name(kind)}: only modules and units have hours, learning outcomes and delivery forms.",
                $"'{anchor}' to sekcja typu {Common.Http.QueryEnum.Name(kind)}: godziny, efekty uczenia się i formy realizacji mają tylko moduły i jednostki."));
        }
    }

    public static Section ResolveParent(IReadOnlyCollection<Section> sections, string? parentAnchor, string versionLabel)
    {
        return sections.FirstOrDefault(s => s.Anchor == parentAnchor) ?? throw UnknownParentAnchor.Refuse(ProblemKind.UnprocessableContent, new Text(
            $"Version {versionLabel} has no section with anchor '{parentAnchor}' to be the parent. Add the parent first, or leave parentAnchor out for the top level.",
            $"Wersja {versionLabel} nie ma sekcji o kotwicy '{parentAnchor}', która mogłaby być rodzicem. Najpierw dodaj rodzica albo pomiń parentAnchor dla najwyższego poziomu."),
            new(parentAnchor ?? ""));
    }

    /// <summary>Puts the section at the 0-based position among its siblings (the end when null) and renumbers them.</summary>
    public static void PlaceAmongSiblings(IReadOnlyCollection<Section> sections, Section section, Guid? parentId, int? position, DateTimeOffset now)
    {
        var siblings = sections.Where(s => s.ParentId == parentId && s.Id != section.Id)
            .OrderBy(s => s.Position).ThenBy(s => s.Anchor, StringComparer.Ordinal).ToList();
        siblings.Insert(Math.Clamp(position ?? siblings.Count, 0, siblings.Count), section);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Place(parentId, i, now);
        }
    }

    /// <summary>Closes the gap a section leaves among its former siblings.</summary>
    public static void Renumber(IReadOnlyCollection<Section> sections, Guid? parentId, DateTimeOffset now)
    {
        var siblings = sections.Where(s => s.ParentId == parentId).OrderBy(s => s.Position).ThenBy(s => s.Anchor, StringComparer.Ordinal).ToList();
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Place(parentId, i, now);
        }
    }

    /// <summary>The cited acts, by citation; an act not in the register is a 422 naming it.</summary>
    public static async Task<List<Guid>> ResolveLegalActsAsync(TrainingDb db, IReadOnlyList<string>? citations, CancellationToken ct)
    {
        var wanted = (citations ?? []).Select(c => LegalAct.NormaliseCitation(c)!).Distinct().ToList();
        var found = await db.Set<LegalAct>().Where(a => wanted.Contains(a.Citation)).Select(a => new { a.Id, a.Citation }).ToListAsync(ct);
        var missing = wanted.Except(found.Select(f => f.Citation)).ToList();
        if (missing.Count > 0)
        {
            throw UnknownLegalAct.Refuse(ProblemKind.UnprocessableContent, new Text(
                $"Not in the register of legal acts: {string.Join(", ", missing)}. Add them first (POST /api/v1/legal-acts).",
                $"Brak w rejestrze aktów prawnych: {string.Join(", ", missing)}. Najpierw je dodaj (POST /api/v1/legal-acts)."),
                new(missing));
        }

        return [.. found.Select(f => f.Id)];
    }

    public static async Task<Dictionary<Guid, List<string>>> CitationsBySectionAsync(TrainingDb db, IEnumerable<Guid> sectionIds, CancellationToken ct)
    {
        var ids = sectionIds.ToList();
        var rows = await db.Set<SectionCitation>().AsNoTracking().Where(c => ids.Contains(c.SectionId))
            .Join(db.Set<LegalAct>(), c => c.LegalActId, a => a.Id, (c, a) => new { c.SectionId, a.Citation })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.SectionId).ToDictionary(g => g.Key, g => g.Select(r => r.Citation).Order(StringComparer.Ordinal).ToList());
    }
}
