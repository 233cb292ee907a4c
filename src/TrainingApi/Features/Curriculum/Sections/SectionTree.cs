using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Curriculum.Sections;

/// <summary>The rules of a version's tree: which kind may sit under which, no cycles, and the document order.</summary>
public static class SectionTree
{
    /// <summary>Depth-first, siblings by position then anchor; with each section's depth (0 for top level).</summary>
    public static IReadOnlyList<Section> InDocumentOrder(IReadOnlyCollection<Section> sections) =>
        [.. WithDepth(sections).Select(s => s.Section)];

    public static IReadOnlyList<(Section Section, int Depth)> WithDepth(IReadOnlyCollection<Section> sections) =>
        WithDepth(sections, s => s.Id, s => s.ParentId, s => s.Position, s => s.Anchor);

    /// <summary>The same order for any projection of sections (readers that need only a few columns need not load the content).</summary>
    public static IReadOnlyList<(T Section, int Depth)> WithDepth<T>(IReadOnlyCollection<T> sections, Func<T, Guid> id, Func<T, Guid?> parentId,
        Func<T, int> position, Func<T, string> anchor)
    {
        var children = sections.ToLookup(parentId);
        var ordered = new List<(T, int)>(sections.Count);
        void Visit(Guid? parent, int depth)
        {
            foreach (var child in children[parent].OrderBy(position).ThenBy(anchor, StringComparer.Ordinal))
            {
                ordered.Add((child, depth));
                Visit(id(child), depth + 1);
            }
        }

        Visit(null, 0);
        return ordered;
    }

    /// <summary>HTML heading level of a section's title: the programme's title is h1, top-level sections h2.</summary>
    public static int HeadingLevel(int depth) => Math.Min(depth + 2, 6);

    /// <summary>Modules at the top; units under a module; guideline sections and annexes at the top or under their own kind.</summary>
    public static void EnsureKindFits(SectionKind kind, Section? parent, string anchor)
    {
        var fits = (kind, parent?.Kind) switch
        {
            (SectionKind.Module, null) => true,
            (SectionKind.Unit, SectionKind.Module) => true,
            (SectionKind.AdvisoryGuideline, null or SectionKind.AdvisoryGuideline) => true,
            (SectionKind.Annex, null or SectionKind.Annex) => true,
            _ => false,
        };
        if (!fits)
        {
            var under = parent is null ? "the top level" : $"a {Common.Http.QueryEnum.Name(parent.Kind)}";
            var underPl = parent is null ? "najwyższy poziom" : $"sekcję typu {Common.Http.QueryEnum.Name(parent.Kind)}";
            throw Problem.Unprocessable(new Text(
                $"A {Common.Http.QueryEnum.Name(kind)} ('{anchor}') cannot be placed under {under}: modules go at the top, units under a module, " +
                "advisory-guideline sections and annexes at the top or under their own kind.",
                $"Sekcji typu {Common.Http.QueryEnum.Name(kind)} ('{anchor}') nie można umieścić pod: {underPl}. Moduły są na najwyższym poziomie, " +
                "jednostki w module, wytyczne i załączniki na najwyższym poziomie lub pod sekcją tego samego typu."));
        }
    }

    /// <summary>Moving a section under itself or one of its descendants would cut it off from the tree.</summary>
    public static void EnsureNoCycle(Section moving, Section? newParent, IReadOnlyCollection<Section> sections)
    {
        var byId = sections.ToDictionary(s => s.Id);
        for (var ancestor = newParent; ancestor is not null; ancestor = ancestor.ParentId is { } id ? byId.GetValueOrDefault(id) : null)
        {
            if (ancestor.Id == moving.Id)
            {
                throw Problem.Unprocessable(new Text(
                    $"Section '{moving.Anchor}' cannot be moved under '{newParent!.Anchor}', which is inside it: that would make a cycle. Choose a parent outside it.",
                    $"Sekcji '{moving.Anchor}' nie można przenieść pod '{newParent!.Anchor}', która jest w niej zawarta: powstałby cykl. Wybierz rodzica spoza niej."),
                    "section-cycle");
            }
        }
    }
}
