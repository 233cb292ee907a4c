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

        var match = CitationRegex().Match(citation);
        return match.Success ? $"Dz.U. {match.Groups["year"].Value} poz. {int.Parse(match.Groups["item"].Value, System.Globalization.CultureInfo.InvariantCulture)}" : null;
    }

    /// <summary>
    /// What <see cref="NormaliseCitation"/> accepts, spelt so that .NET and ECMA-262 read it alike, as the contract states it
    /// (<c>pattern</c>): white space as <see cref="string.Trim()"/> and .NET's <c>\s</c> know it, listed; ASCII digits (a year or
    /// item in other digits would not parse); each letter in both cases instead of an ignore-case option.
    /// </summary>
    public const string CitationPattern =
        "^" + Space + "*[Dd][Zz]\\." + Space + "*[Uu]\\." + Space + "*([Zz]" + Space + "*)?(?<year>(19|20)[0-9]{2})(" + Space + "*[Rr]\\.)?"
        + Space + "*[Pp][Oo][Zz]\\." + Space + "*(?<item>[0-9]{1,5})" + Space + "*$";

    private const string Space = @"[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

    [GeneratedRegex(CitationPattern)]
    private static partial Regex CitationRegex();
}
