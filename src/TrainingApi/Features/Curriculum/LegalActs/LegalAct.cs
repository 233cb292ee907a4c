using System.Text.RegularExpressions;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.Curriculum.LegalActs;

/// <summary>A legal act sections cite, by its citation in the Journal of Laws ("Dz.U. 2023 poz. 1234").</summary>
public sealed partial class LegalAct : IVersioned
{
    public const int CitationMaxLength = 60;
    public const int TitleMaxLength = 500;

    private LegalAct() { }

    public LegalAct(string citation, string title, DateOnly publishedOn, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Citation = citation;
        Title = title;
        PublishedOn = publishedOn;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Citation { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly PublishedOn { get; private set; }
    public DateOnly? LastAmendedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Amended(DateOnly on) => LastAmendedOn = LastAmendedOn is { } last && last > on ? last : on;

    /// <summary>"dz.u.  2023 poz.1234" and "Dz. U. z 2023 r. poz. 1234" both become "Dz.U. 2023 poz. 1234".</summary>
    public static string? NormaliseCitation(string? citation)
    {
        if (citation is null)
        {
            return null;
        }

        var match = CitationPattern().Match(citation.Trim());
        return match.Success ? $"Dz.U. {match.Groups["year"].Value} poz. {int.Parse(match.Groups["item"].Value, System.Globalization.CultureInfo.InvariantCulture)}" : null;
    }

    [GeneratedRegex(@"^Dz\.\s*U\.\s*(z\s*)?(?<year>(19|20)\d{2})(\s*r\.)?\s*poz\.\s*(?<item>\d{1,5})$", RegexOptions.IgnoreCase)]
    private static partial Regex CitationPattern();
}
