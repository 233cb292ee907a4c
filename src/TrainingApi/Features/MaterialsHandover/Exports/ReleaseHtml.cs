using System.Globalization;
using System.Text;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>
/// Accessible HTML pages of a release: `lang`, a skip link to a focusable `main`, header / nav / main / footer landmarks
/// (the navigation has no heading, so each page's first heading is its h1), one h1 per page and an outline without gaps
/// below it (section content is renumbered, see <see cref="MarkdownRendering.ForPage"/>), a built-in stylesheet
/// (<see cref="ReleaseStyle"/>), each section's hours, delivery forms, target roles and learning outcomes in Polish, legal
/// acts linked to ISAP, Polish dates, and the accessibility statement on a page of its own. Pages fit a phone: at 320 CSS px
/// nothing scrolls sideways but tables inside their own region, and the statement's table reflows into labelled blocks.
/// Images of the release's assets carry their size; links to attachments say format and size. axe-core and the 320 px check
/// run on these pages in the tests (ReleasePagesAxeTests).
/// </summary>
public static class ReleaseHtml
{
    public const string StatementFile = "deklaracja-dostepnosci.html";

    private static readonly string[] WaiverColumns = ["Miejsce", "Kryterium i reguła", "Problem", "Powód pozostawienia", "Kto i kiedy"];

    public static IReadOnlyList<(string FileName, byte[] Bytes)> Pages(ReleaseDocument release, ReleaseIdentity identity)
    {
        var tops = release.Sections.Where(s => s.Depth == 0).ToList();
        var acts = release.LegalActs.ToDictionary(a => a.Citation, a => a.Title, StringComparer.Ordinal);
        var assets = release.AssetList.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var pages = new List<(string, byte[])>
        {
            ("index.html", Page(release, "Strona główna", "index.html", Index(release, identity),
                "<script type=\"application/ld+json\">\n" + ReleaseJsonLd.Of(release, identity) + "\n</script>\n")),
        };
        foreach (var top in tops)
        {
            var body = new StringBuilder();
            var tableLabels = new TableRegionLabels();
            foreach (var section in Subtree(release.Sections, top))
            {
                // The page's own title is h1; each level of sections below it one level deeper (capped at h6).
                var level = Math.Min(section.Depth - top.Depth + 1, 6);
                body.Append(Invariant($"<section aria-labelledby=\"{Encode(section.Anchor)}\">\n<h{level} id=\"{Encode(section.Anchor)}\">{Encode(section.Title)}</h{level}>\n"));
                Facts(body, section, acts);
                body.Append(MarkdownRendering.ForPage(section.Markdown, level, assets, tableLabels));
                body.Append("</section>\n");
            }

            pages.Add((FileNameOf(top), Page(release, top.Title, FileNameOf(top), body.ToString())));
        }

        pages.Add((StatementFile, Page(release, "Deklaracja dostępności", StatementFile, Statement(release))));
        return pages;
    }

    public static string FileNameOf(ContentSection top) => top.Anchor + ".html";

    /// <summary>The names of the release's assets each page refers to, in name order (for the cartridge's dependencies).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AssetsByPage(ReleaseDocument release)
    {
        var known = release.AssetList.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return release.Sections.Where(s => s.Depth == 0).ToDictionary(FileNameOf, top => (IReadOnlyList<string>)
            [.. Subtree(release.Sections, top).SelectMany(s => AssetReferences.In(s.Markdown)).Where(known.Contains).Distinct().Order(StringComparer.Ordinal)]);
    }

    internal static IEnumerable<ContentSection> Subtree(IReadOnlyList<ContentSection> all, ContentSection top)
    {
        var start = all.ToList().IndexOf(top);
        yield return top;
        for (var i = start + 1; i < all.Count && all[i].Depth > top.Depth; i++)
        {
            yield return all[i];
        }
    }

    /// <summary>What a participant or organiser needs to know of a section before its text, as a description list.</summary>
    private static void Facts(StringBuilder body, ContentSection section, IReadOnlyDictionary<string, string> acts)
    {
        var facts = new List<(string Term, string Html)>();
        if (section.Hours is { } hours)
        {
            facts.Add(("Liczba godzin dydaktycznych", hours.ToString("0.##", CultureInfo.GetCultureInfo("pl-PL"))));
        }

        if (section.DeliveryForms.Count > 0)
        {
            facts.Add(("Formy realizacji", Encode(PolishWording.DeliveryFormList(section.DeliveryForms))));
        }

        if (section.TargetRoles.Count > 0)
        {
            facts.Add(("Adresaci", Encode(PolishWording.TargetRoleList(section.TargetRoles))));
        }

        foreach (var (term, outcomes) in new[]
                 {
                     ("Efekty uczenia się: wiedza", section.Outcomes.Knowledge), ("Efekty uczenia się: umiejętności", section.Outcomes.Skills),
                     ("Efekty uczenia się: kompetencje społeczne", section.Outcomes.SocialCompetences),
                 })
        {
            if (outcomes.Count > 0)
            {
                facts.Add((term, "<ul>" + string.Concat(outcomes.Select(o => "<li>" + Encode(o) + "</li>")) + "</ul>"));
            }
        }

        if (section.LegalActs.Count > 0)
        {
            facts.Add(("Podstawa prawna", "<ul>" + string.Concat(section.LegalActs.Select(c => "<li>" + LegalAct(c, acts.GetValueOrDefault(c)) + "</li>")) + "</ul>"));
        }

        if (facts.Count == 0)
        {
            return;
        }

        body.Append("<dl>\n");
        foreach (var (term, html) in facts)
        {
            body.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(html).Append("</dd>\n");
        }

        body.Append("</dl>\n");
    }

    private static string LegalAct(string citation, string? title)
    {
        var text = Encode(title is null ? citation : $"{title} ({citation})");
        return PolishWording.OfficialSource(citation) is { } href ? $"<a href=\"{Encode(href)}\">{text}</a>" : text;
    }

    private static string Index(ReleaseDocument release, ReleaseIdentity identity)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(Encode(release.Programme.Title)).Append("</h1>\n");
        body.Append("<p>Wydanie ").Append(Encode(release.SemanticVersion)).Append(" (wersja programu ").Append(Encode(release.Programme.VersionLabel))
            .Append(") z ").Append(Time(release.BuiltAt)).Append(", licencja ").Append(Encode(release.Licence)).Append(".</p>\n");
        if (release.Programme.Summary is { } summary)
        {
            body.Append("<p>").Append(Encode(summary)).Append("</p>\n");
        }

        body.Append("<h2>Informacje o wydaniu</h2>\n<p>").Append(Encode(release.Notes)).Append("</p>\n");
        body.Append("<h2>Zawartość</h2>\n<ul>\n");
        foreach (var top in release.Sections.Where(s => s.Depth == 0))
        {
            body.Append("<li><a href=\"").Append(Encode(FileNameOf(top))).Append("\">").Append(Encode(top.Title)).Append("</a></li>\n");
        }

        body.Append("</ul>\n<h2>Dostępność</h2>\n<p>").Append(Encode(ReleaseAccessibilityStatement.StatusSentence(release.Accessibility.Status ?? "")))
            .Append(" <a href=\"").Append(StatementFile).Append("\">Deklaracja dostępności materiałów</a>.</p>\n");
        HowToCite(body, identity);
        return body.ToString();
    }

    /// <summary>
    /// "Jak cytować": the citation with the persistent address as a link, the concept's address, and the citation files. Addresses are
    /// absolute, because the pages are also read from the ZIP, off the server. A draft's preview says it cannot be cited yet.
    /// </summary>
    private static void HowToCite(StringBuilder body, ReleaseIdentity identity)
    {
        body.Append("<h2 id=\"jak-cytowac\">Jak cytować</h2>\n");
        if (identity.Published is not { } published)
        {
            body.Append("<p>To podgląd wersji roboczej: wydanie nie jest jeszcze opublikowane, więc nie ma daty publikacji ani opisu do cytowania. ")
                .Append("Po publikacji będzie je można cytować pod stałym adresem <code>").Append(Encode(identity.ReleaseUri))
                .Append("</code>, który zacznie działać dopiero wtedy.</p>\n");
            return;
        }

        var text = published.CitationText;
        var cited = text.EndsWith(identity.ReleaseUri, StringComparison.Ordinal)
            ? Encode(text[..^identity.ReleaseUri.Length]) + ExternalLink(identity.ReleaseUri, identity.ReleaseUri)
            : Encode(text);
        body.Append("<p>").Append(cited).Append("</p>\n");
        body.Append("<p>Ten adres zawsze prowadzi do tego wydania. Najnowsze wydanie programu jest pod adresem ")
            .Append(ExternalLink(identity.ConceptUri, identity.ConceptUri)).Append(".</p>\n");
        body.Append("<p>Opis wydania dla programów do zarządzania bibliografią:</p>\n<ul>\n");
        foreach (var download in published.Downloads)
        {
            body.Append("<li><a href=\"").Append(Encode(download.Url)).Append("\" type=\"").Append(Encode(download.MediaType)).Append("\">")
                .Append(Encode(download.Label)).Append("</a></li>\n");
        }

        body.Append("</ul>\n");
    }

    private static string ExternalLink(string href, string text) => $"<a href=\"{Encode(href)}\">{Encode(text)}</a>";

    private static string Statement(ReleaseDocument release)
    {
        var statement = release.Accessibility;
        var waived = statement.Waived ?? [];
        var body = new StringBuilder();
        body.Append("<h1>Deklaracja dostępności</h1>\n");
        body.Append("<p>Operator programu „").Append(Encode(release.Programme.Title)).Append("” zobowiązuje się zapewnić dostępność jego materiałów ")
            .Append("zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. ")
            .Append("Deklaracja dotyczy wydania ").Append(Encode(release.SemanticVersion)).Append(" (wersja programu ").Append(Encode(release.Programme.VersionLabel))
            .Append("). Standard: ").Append(Encode(statement.Standard)).Append(".</p>\n");
        body.Append("<h2>Status pod względem zgodności z ustawą</h2>\n<p>").Append(Encode(ReleaseAccessibilityStatement.StatusSentence(statement.Status ?? ""))).Append("</p>\n");
        body.Append("<h2>Treści niedostępne</h2>\n");
        if (waived.Count == 0)
        {
            body.Append("<p>Automatyczna kontrola nie wykazała niezgodności, których nie usunięto.</p>\n");
        }
        else
        {
            // Five columns of long text do not fit a phone: below 40rem each row becomes a block whose cells are labelled by their
            // column headers (data-label, shown by the style). Changing display drops table semantics in some browsers, so the
            // roles are explicit.
            body.Append("<table class=\"reflow\" role=\"table\" aria-labelledby=\"niezgodnosci\">\n<caption id=\"niezgodnosci\">Niezgodności pozostawione z uzasadnieniem</caption>\n")
                .Append("<thead role=\"rowgroup\"><tr role=\"row\">");
            foreach (var column in WaiverColumns)
            {
                body.Append("<th scope=\"col\" role=\"columnheader\">").Append(Encode(column)).Append("</th>");
            }

            body.Append("</tr></thead>\n<tbody role=\"rowgroup\">\n");
            foreach (var w in waived)
            {
                string[] cells =
                [
                    Encode($"„{w.Section}”, wiersz {w.Line}"), Encode($"{w.Criterion} ({w.Rule})"), Encode(w.Problem), Encode(w.Reason),
                    Encode(w.WaivedBy) + ", " + Time(w.WaivedAt),
                ];
                body.Append("<tr role=\"row\">");
                foreach (var (column, cell) in WaiverColumns.Zip(cells))
                {
                    body.Append("<td role=\"cell\" data-label=\"").Append(Encode(column)).Append("\">").Append(cell).Append("</td>");
                }

                body.Append("</tr>\n");
            }

            body.Append("</tbody>\n</table>\n");
        }

        // A Polish date ends with "r." already, so no second full stop after it.
        body.Append("<h2>Przygotowanie deklaracji</h2>\n<p>Deklarację sporządzono ").Append(Time(release.BuiltAt)).Append(' ').Append(Encode(statement.Method ?? "")).Append("</p>\n");
        body.Append("<h2>Informacje zwrotne i dane kontaktowe</h2>\n<p>").Append(Encode(statement.Contact ?? ReleaseAccessibilityStatement.DefaultContact)).Append("</p>\n");
        body.Append("<h2>Procedura wnioskowo-skargowa</h2>\n<p>").Append(Encode(ReleaseAccessibilityStatement.Procedure)).Append("</p>\n");
        return body.ToString();
    }

    private static byte[] Page(ReleaseDocument release, string title, string file, string main, string head = "")
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(release.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(title)).Append(" — ").Append(Encode(release.Programme.Title)).Append("</title>\n");
        html.Append("<style>\n").Append(ReleaseStyle.Css).Append("\n</style>\n").Append(head).Append("</head>\n<body>\n");
        html.Append("<a class=\"skip\" href=\"#tresc\">Przejdź do treści</a>\n");
        html.Append("<header><p>").Append(Encode(release.Programme.Title)).Append(" — wydanie ").Append(Encode(release.SemanticVersion)).Append("</p></header>\n");
        html.Append("<nav aria-label=\"Spis treści\">\n<ul>\n");
        html.Append(Link("index.html", "Strona główna", file));
        foreach (var top in release.Sections.Where(s => s.Depth == 0))
        {
            html.Append(Link(FileNameOf(top), top.Title, file));
        }

        html.Append(Link(StatementFile, "Deklaracja dostępności", file));
        html.Append("</ul>\n</nav>\n<main id=\"tresc\" tabindex=\"-1\">\n").Append(main).Append("</main>\n");
        html.Append("<footer><p>Licencja: ").Append(Encode(release.Licence)).Append(". Wydanie ").Append(Encode(release.SemanticVersion))
            .Append(" z ").Append(Time(release.BuiltAt)).Append(" <a href=\"").Append(StatementFile).Append("\">Deklaracja dostępności</a>.</p></footer>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string Time(DateTimeOffset instant) => $"<time datetime=\"{PolishWording.IsoDate(instant)}\">{Encode(PolishWording.Date(instant))}</time>";

    private static string Link(string href, string text, string current) =>
        $"<li><a href=\"{Encode(href)}\"{(href == current ? " aria-current=\"page\"" : "")}>{Encode(text)}</a></li>\n";

    // Only the five characters HTML gives meaning to; Polish letters stay as they are (WebUtility.HtmlEncode would write "ó" as "&#243;").
    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
