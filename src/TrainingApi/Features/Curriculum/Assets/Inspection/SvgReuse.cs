using System.Xml.Linq;
using TrainingApi.Common.Localization;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>
/// Bounds the work of drawing a sanitised SVG: <c>&lt;use&gt;</c> repeats what it points at, so a use of a group of uses of
/// groups of uses… multiplies at every level (a few hundred bytes can ask for billions of shapes when the DOCX is drawn).
/// A use may therefore point only at something without uses inside, and a file may hold a bounded number of them.
/// </summary>
internal static class SvgReuse
{
    public const int MaxUses = 500;

    public static void Check(byte[] sanitised)
    {
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(sanitised)).Root!;
        var uses = svg.DescendantsAndSelf().Where(e => e.Name.LocalName == "use").ToList();
        if (uses.Count == 0)
        {
            return;
        }

        if (uses.Count > MaxUses)
        {
            throw Refuse(new($"{uses.Count} <use> elements (at most {MaxUses})", $"{uses.Count} elementów <use> (najwyżej {MaxUses})"));
        }

        var byId = svg.DescendantsAndSelf().Where(e => e.Attribute("id") is not null).GroupBy(e => (string)e.Attribute("id")!)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var use in uses)
        {
            var href = use.Attributes().FirstOrDefault(a => a.Name.LocalName == "href")?.Value.Trim();
            if (href is { Length: > 1 } && href[0] == '#' && byId.TryGetValue(href[1..], out var target)
                && target.DescendantsAndSelf().Any(e => e.Name.LocalName == "use"))
            {
                throw Refuse(new($"a <use> of \"{href}\", which itself holds <use> elements (nested reuse multiplies the drawing)",
                    $"element <use> odwołujący się do „{href}”, który sam zawiera elementy <use> (zagnieżdżone powtórzenia mnożą rysunek)"));
            }
        }
    }

    private static Common.Problems.ProblemException Refuse(Text what) => AssetProblems.UnsafeSvgFile(new Text(
        $"The SVG contains {what.En}. Simplify the drawing and upload it again.",
        $"SVG zawiera {what.Pl}. Uprość rysunek i prześlij go ponownie."));
}
