using System.Net;
using System.Text;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>
/// Accessible HTML pages of a release: `lang="pl"`, a skip link, header / nav / main / footer landmarks, one h1 per
/// page and headings in order below it, a table of contents on every page, and the sections' HTML as rendered from
/// their Markdown (images keep the alt text the accessibility check requires).
/// </summary>
public static class ReleaseHtml
{
    public static IReadOnlyList<(string FileName, byte[] Bytes)> Pages(ReleaseDocument release)
    {
        var tops = release.Sections.Where(s => s.Depth == 0).ToList();
        var pages = new List<(string, byte[])> { ("index.html", Page(release, "Strona główna", null, Index(release))) };
        foreach (var top in tops)
        {
            var body = new StringBuilder();
            foreach (var section in Subtree(release.Sections, top))
            {
                var level = section == top ? 1 : SectionTree.HeadingLevel(section.Depth - 1);
                body.Append(CultureInvariant($"<section aria-labelledby=\"{Encode(section.Anchor)}\"><h{level} id=\"{Encode(section.Anchor)}\">{Encode(section.Title)}</h{level}>\n"));
                if (section.Hours is { } hours)
                {
                    body.Append(CultureInvariant($"<p>Liczba godzin dydaktycznych: {hours:0.##}</p>\n"));
                }

                body.Append(section.Html).Append('\n');
                if (section.LegalActs.Count > 0)
                {
                    body.Append("<p>Podstawa prawna: ").Append(Encode(string.Join("; ", section.LegalActs))).Append("</p>\n");
                }

                body.Append("</section>\n");
            }

            pages.Add((FileNameOf(top), Page(release, top.Title, top.Anchor, body.ToString())));
        }

        return pages;
    }

    public static string FileNameOf(ContentSection top) => top.Anchor + ".html";

    private static IEnumerable<ContentSection> Subtree(IReadOnlyList<ContentSection> all, ContentSection top)
    {
        var start = all.ToList().IndexOf(top);
        yield return top;
        for (var i = start + 1; i < all.Count && all[i].Depth > 0; i++)
        {
            yield return all[i];
        }
    }

    private static string Index(ReleaseDocument release)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(Encode(release.Programme.Title)).Append("</h1>\n");
        body.Append(CultureInvariant($"<p>Wydanie {Encode(release.SemanticVersion)} (wersja programu {Encode(release.Programme.VersionLabel)}), licencja {Encode(release.Licence)}.</p>\n"));
        if (release.Programme.Summary is { } summary)
        {
            body.Append("<p>").Append(Encode(summary)).Append("</p>\n");
        }

        body.Append("<h2>Informacje o wydaniu</h2>\n<p>").Append(Encode(release.Notes)).Append("</p>\n");
        body.Append("<h2>Deklaracja dostępności</h2>\n<p>").Append(Encode(release.Accessibility.Statement)).Append("</p>\n");
        return body.ToString();
    }

    private static byte[] Page(ReleaseDocument release, string title, string? current, string main)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(release.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(title)).Append(" — ").Append(Encode(release.Programme.Title)).Append("</title>\n</head>\n<body>\n");
        html.Append("<a href=\"#tresc\">Przejdź do treści</a>\n");
        html.Append("<header><p>").Append(Encode(release.Programme.Title)).Append(" — wydanie ").Append(Encode(release.SemanticVersion)).Append("</p></header>\n");
        html.Append("<nav aria-label=\"Spis treści\">\n<h2>Spis treści</h2>\n<ul>\n");
        html.Append(Link("index.html", "Strona główna", current is null));
        foreach (var top in release.Sections.Where(s => s.Depth == 0))
        {
            html.Append(Link(FileNameOf(top), top.Title, top.Anchor == current));
        }

        html.Append("</ul>\n</nav>\n<main id=\"tresc\">\n").Append(main).Append("</main>\n");
        html.Append("<footer><p>Licencja: ").Append(Encode(release.Licence)).Append(". Wydanie ").Append(Encode(release.SemanticVersion))
            .Append(" z ").Append(release.BuiltAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(".</p></footer>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string Link(string href, string text, bool current) =>
        $"<li><a href=\"{Encode(href)}\"{(current ? " aria-current=\"page\"" : "")}>{Encode(text)}</a></li>\n";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
