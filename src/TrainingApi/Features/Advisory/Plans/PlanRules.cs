using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Advisory.Plans;

public sealed record ActionRequest(string Title, string Owner, bool OwnedByCoordinator, DateOnly Deadline);

public static class PlanRules
{
    /// <param name="Anchors">The anchors that are no section of the engagement's guidelines version.</param>
    public sealed record UnknownGuidelineAnchorMembers(IReadOnlyList<string> Anchors);

    public static readonly ProblemShape<UnknownGuidelineAnchorMembers> UnknownGuidelineAnchor = new("unknown-guideline-anchor");

    public static bool IsArea(string code) => MaturityFramework.Current.Areas.Any(a => a.Code == code);

    /// <summary>The plan is written in the plan stage and revised during support.</summary>
    public static void EnsurePlanCanChange(Engagement engagement)
    {
        engagement.EnsureOpen();
        if (engagement.Stage is not (EngagementStage.Plan or EngagementStage.Support))
        {
            throw Problem.Conflict(new Text(
                $"The development plan is written in the plan stage and revised during support; the engagement is in {Common.Http.QueryEnum.Name(engagement.Stage)}.",
                $"Plan rozwoju tworzy się na etapie plan i zmienia na etapie support; proces jest na etapie {Common.Http.QueryEnum.Name(engagement.Stage)}."),
                "stage-does-not-allow");
        }
    }

    /// <summary>Goals link to advisory-guideline sections of the engagement's guidelines version, by anchor.</summary>
    public static async Task CheckGuidelineAnchorsAsync(VersionOutlines versions, Engagement engagement, IReadOnlyList<string> anchors, CancellationToken ct)
    {
        if (anchors.Count == 0)
        {
            return;
        }

        var outline = engagement.GuidelinesVersionId is { } id ? await versions.FindAsync(id, ct) : null;
        var known = outline?.Sections.Where(s => s.Kind == SectionKind.AdvisoryGuideline).Select(s => s.Anchor).ToHashSet(StringComparer.Ordinal) ?? [];
        var unknown = anchors.Where(a => !known.Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            throw UnknownGuidelineAnchor.Refuse(ProblemKind.UnprocessableContent, new Text(
                outline is null
                    ? "The engagement names no guidelines version, so its plan cannot link to guideline sections."
                    : $"Not advisory-guideline sections of version {outline.Label}: {string.Join(", ", unknown)}.",
                outline is null
                    ? "Proces doradczy nie wskazuje wersji wytycznych, więc plan nie może odwoływać się do ich sekcji."
                    : $"To nie są sekcje wytycznych do doradztwa w wersji {outline.Label}: {string.Join(", ", unknown)}."),
                new(unknown));
        }
    }
}
