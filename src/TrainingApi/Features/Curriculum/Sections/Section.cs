using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.Curriculum.Sections;

/// <summary>
/// A node of a version's tree: a module, a unit of a module, an advisory-guideline section or an annex. Its
/// anchor is stable from version to version, so a comment on 1.0#modul-2 can be followed into 1.1.
/// The HTML is rendered once, when the Markdown is written.
/// </summary>
public sealed class Section : IVersioned
{
    public const int AnchorMaxLength = 100;
    public const int TitleMaxLength = 300;
    public const int MarkdownMaxLength = 100_000;
    public const decimal MaxHours = 200;

    private Section() { }

    public Section(Guid versionId, string anchor, Guid? parentId, int position, SectionKind kind, SectionContent content, string html, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        VersionId = versionId;
        Anchor = anchor;
        Kind = kind;
        Place(parentId, position, now);
        Write(content, html, now);
    }

    public Guid Id { get; private set; }
    public Guid VersionId { get; private set; }
    public string Anchor { get; private set; } = "";
    public Guid? ParentId { get; private set; }
    public int Position { get; private set; }
    public SectionKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Markdown { get; private set; } = "";
    public string Html { get; private set; } = "";
    public decimal? Hours { get; private set; }
    public List<string> Knowledge { get; private set; } = [];
    public List<string> Skills { get; private set; } = [];
    public List<string> SocialCompetences { get; private set; } = [];
    public List<string> DeliveryForms { get; private set; } = [];
    public List<string> TargetRoles { get; private set; } = [];
    public List<string> Authors { get; private set; } = [];

    /// <summary>The maturity areas (framework area codes) the section helps with, set by the programme team: what a self-assessment recommends.</summary>
    public List<string> MaturityAreas { get; private set; } = [];

    /// <summary>Set when a legal act the section cites is amended; cleared when the section is next edited.</summary>
    public bool ReviewNeeded { get; private set; }

    public string? ReviewReason { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public LearningOutcomes Outcomes => new(Knowledge, Skills, SocialCompetences);

    public void Place(Guid? parentId, int position, DateTimeOffset now)
    {
        if (ParentId == parentId && Position == position && UpdatedAt != default)
        {
            return;
        }

        ParentId = parentId;
        Position = position;
        UpdatedAt = now;
    }

    public void Write(SectionContent content, string html, DateTimeOffset now)
    {
        Title = content.Title;
        Markdown = content.Markdown;
        Html = html;
        Hours = content.Hours;
        Knowledge = [.. content.Outcomes.Knowledge];
        Skills = [.. content.Outcomes.Skills];
        SocialCompetences = [.. content.Outcomes.SocialCompetences];
        DeliveryForms = [.. content.DeliveryForms.Select(Common.Http.QueryEnum.Name)];
        TargetRoles = [.. content.TargetRoles.Select(Common.Http.QueryEnum.Name)];
        Authors = [.. content.Authors];
        ReviewNeeded = false;
        ReviewReason = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// Replaces the maturity-area tags. A change of place in the framework's map, not of what the section says: the review flag
    /// stays, and the content the authors wrote is untouched.
    /// </summary>
    public void TagMaturityAreas(IReadOnlyList<string> areas, DateTimeOffset now)
    {
        if (MaturityAreas.SequenceEqual(areas))
        {
            return;
        }

        MaturityAreas = [.. areas];
        UpdatedAt = now;
    }

    public void FlagForReview(string reason)
    {
        ReviewNeeded = true;
        ReviewReason = reason;
    }

    /// <summary>The same section in a new draft: same anchor, content and review flag; the caller maps the parent.</summary>
    public Section CopyInto(Guid versionId, Guid? parentId, DateTimeOffset now)
    {
        var copy = (Section)MemberwiseClone();
        copy.Id = Guid.CreateVersion7(now);
        copy.VersionId = versionId;
        copy.ParentId = parentId;
        copy.Knowledge = [.. Knowledge];
        copy.Skills = [.. Skills];
        copy.SocialCompetences = [.. SocialCompetences];
        copy.DeliveryForms = [.. DeliveryForms];
        copy.TargetRoles = [.. TargetRoles];
        copy.Authors = [.. Authors];
        copy.MaturityAreas = [.. MaturityAreas];
        copy.Version = 0;
        return copy;
    }
}

/// <summary>What an author writes in a section (everything but its place in the tree).</summary>
public sealed record SectionContent(
    string Title, string Markdown, decimal? Hours, LearningOutcomes Outcomes,
    IReadOnlyList<DeliveryForm> DeliveryForms, IReadOnlyList<TargetRole> TargetRoles, IReadOnlyList<string> Authors);
