using System.Net;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Features.Curriculum.Assets;
using TrainingApi.Tests.Infrastructure;
using A = DocumentFormat.OpenXml.Drawing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace TrainingApi.Tests.Features.MaterialsHandover.Exports;

/// <summary>
/// The Word documents of a release, downloaded over HTTP and opened with the Open XML SDK: Word's heading styles in outline order,
/// a table of contents listing the headings, real lists, tables with repeating header rows, links, languages, properties and
/// appendices; the same bytes every time; and in the bundle, one per module, served one by one from the catalogue.
/// </summary>
public sealed class ReleaseDocxTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_programme_docx_has_heading_styles_in_order_a_table_of_contents_lists_tables_links_languages_and_appendices()
    {
        var version = await new AccessibleReleaseSteps(steps).DifficultVersionAsync();
        var draft = await steps.DraftAsync(version.Id);

        var response = await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType!.MediaType);
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var main = word.MainDocumentPart!;
        var body = main.Document.Body!;

        // Word's own heading styles, by their built-in names, with outline levels.
        var styles = main.StyleDefinitionsPart!.Styles!;
        for (var level = 1; level <= 6; level++)
        {
            var style = styles.Elements<Style>().Single(s => s.StyleId == $"Heading{level}");
            Assert.Equal($"heading {level}", style.StyleName!.Val!.Value);
            Assert.Equal(level - 1, style.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        }

        // The title in the Title style, then headings from level 1 with no level skipped.
        var paragraphs = body.Descendants<Paragraph>().ToList();
        Assert.Equal("Title", paragraphs[0].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        var headings = paragraphs.Select(p => (Paragraph: p, Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value))
            .Where(h => h.Style?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(h => (Level: int.Parse(h.Style!["Heading".Length..], System.Globalization.CultureInfo.InvariantCulture), Text: h.Paragraph.InnerText)).ToList();
        Assert.Equal(1, headings[0].Level);
        Assert.All(headings.Zip(headings.Skip(1)), pair => Assert.True(pair.Second.Level <= pair.First.Level + 1, $"'{pair.Second.Text}' skips a level after '{pair.First.Text}'"));
        Assert.Contains(("Moduł 1. Sieć i sprzęt w szkołach", 1), headings.Select(h => (h.Text, h.Level)));
        Assert.Contains(("Cele i zasady", 2), headings.Select(h => (h.Text, h.Level)));
        Assert.Contains(("Ćwiczenie: wyniki ankiety", 2), headings.Select(h => (h.Text, h.Level)));
        Assert.Contains(("Pytania do dyskusji", 4), headings.Select(h => (h.Text, h.Level)));
        Assert.Contains(("Załącznik A. Podstawa dowodowa", 1), headings.Select(h => (h.Text, h.Level)));
        Assert.Contains(("Załącznik B. Deklaracja dostępności", 1), headings.Select(h => (h.Text, h.Level)));

        // The table of contents: Word's content control and TOC field, its entries every heading of levels 1–3, linked to their bookmarks.
        var toc = body.Elements<SdtBlock>().Single();
        Assert.Equal("Table of Contents", toc.Descendants<DocPartGallery>().Single().Val!.Value);
        Assert.Contains("TOC \\o \"1-3\" \\h \\z \\u", toc.Descendants<FieldCode>().Single().Text);
        var entries = toc.Descendants<Hyperlink>().ToList();
        Assert.Equal(headings.Where(h => h.Level <= 3).Select(h => h.Text), entries.Select(e => e.InnerText));
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        Assert.All(entries, e => Assert.Contains(e.Anchor!.Value, bookmarks));
        Assert.Equal(["TOC1", "TOC2", "TOC3"], toc.Descendants<ParagraphStyleId>().Select(s => s.Val!.Value!).Where(s => s.StartsWith("TOC", StringComparison.Ordinal) && s != "TOCHeading").Distinct().Order());

        // Lists are numbered paragraphs: the checklist is ordered and nested three levels deep, its own instance restarting at 1.
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        NumberingProperties NumberingOf(string text) => paragraphs.Single(p => p.InnerText == text).ParagraphProperties!.NumberingProperties!;
        var checklist = NumberingOf("Sprawdź sieć w każdej szkole:");
        Assert.Equal(0, checklist.NumberingLevelReference!.Val!.Value);
        Assert.Equal(2, NumberingOf("w salach lekcyjnych,").NumberingLevelReference!.Val!.Value);
        Assert.Equal(checklist.NumberingId!.Val!.Value, NumberingOf("Zbierz opinie dyrektorów.").NumberingId!.Val!.Value);
        var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == checklist.NumberingId!.Val!.Value);
        Assert.Equal(1, instance.Descendants<StartOverrideNumberingValue>().Single().Val!.Value);
        Assert.NotEqual(checklist.NumberingId!.Val!.Value, NumberingOf("Co działa dobrze?").NumberingId!.Val!.Value);

        // Tables: a caption before each, a header row that repeats, borders.
        var tables = body.Elements<Table>().ToList();
        Assert.True(tables.Count >= 2);
        Assert.All(tables, table =>
        {
            Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
            Assert.NotNull(table.GetFirstChild<TableProperties>()!.TableBorders);
            Assert.Equal("Caption", ((Paragraph)table.PreviousSibling()!).ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        });
        Assert.Equal(["Część", "Forma", "Godziny"], tables[0].Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));

        // Links carry their text and point where the Markdown says; an external image is its alt text, linked; a decorative one is left out.
        string TargetOf(string text) => main.HyperlinkRelationships.Single(r => r.Id == body.Descendants<Hyperlink>().First(h => h.InnerText == text).Id!.Value).Uri.OriginalString;
        Assert.Equal("https://isap.sejm.gov.pl/", TargetOf("Internetowym Systemie Aktów Prawnych"));
        Assert.Equal("mailto:szkolenia@example.gov.pl", TargetOf("szkolenia@example.gov.pl"));
        Assert.Equal("https://www.example.gov.pl/mapa-gminy.png", TargetOf("Mapa gminy z zaznaczonymi szkołami i ich łączami"));
        Assert.DoesNotContain("ornament", body.InnerText, StringComparison.Ordinal);
        Assert.All(body.Descendants<Wp.DocProperties>(), d => Assert.False(string.IsNullOrEmpty(d.Description?.Value)));

        // Languages: Polish by default, the marked phrases in theirs; the raw span tags are not text.
        Assert.Equal("pl-PL", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
        Assert.Equal("pl-PL", main.DocumentSettingsPart!.Settings!.GetFirstChild<ThemeFontLanguages>()!.Val!.Value);
        string LanguageOf(string text) => body.Descendants<Run>().First(r => r.InnerText.Contains(text, StringComparison.Ordinal)).RunProperties!.Languages!.Val!.Value!;
        Assert.Equal("en", LanguageOf("Digital transformation"));
        Assert.Equal("uk", LanguageOf("цифровізація школи"));
        Assert.Equal("de", LanguageOf("Digitalisierung der Schulen"));
        Assert.DoesNotContain("<span", body.InnerText, StringComparison.Ordinal);

        // The section's facts, and the document's properties.
        Assert.Contains(paragraphs, p => p.InnerText == "Liczba godzin dydaktycznych: 6,5");
        Assert.Contains(paragraphs, p => p.InnerText == "Formy realizacji: warsztaty, zajęcia online na żywo");
        Assert.Equal("pl-PL", word.PackageProperties.Language);
        Assert.Contains("1.0.0", word.PackageProperties.Title, StringComparison.Ordinal);
        Assert.Contains(paragraphs[0].InnerText, word.PackageProperties.Title, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(word.PackageProperties.Creator));
        Assert.Equal("Program i wytyczne po pilotażu", word.PackageProperties.Subject);
    }

    [Fact]
    public async Task The_same_release_gives_the_same_docx_bytes_in_two_previews_and_in_publication()
    {
        var version = await new AccessibleReleaseSteps(steps).DifficultVersionAsync();
        var draft = await steps.DraftAsync(version.Id);

        var first = await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/docx")).Content.ReadAsByteArrayAsync();
        var second = await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/docx")).Content.ReadAsByteArrayAsync();
        var published = await steps.PublishAsync(draft.Id);
        var stored = await api.CreateClient().GetAsync($"/api/v1/catalogue/releases/{published.Id}/files/docx");

        Assert.Equal(first, second);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(first, await stored.Content.ReadAsByteArrayAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), published.Files.Single(f => f.Format == "docx").Sha256);
        // Created and modified are the release's build time, not the time of the download.
        var builtAt = System.Text.Json.JsonDocument.Parse(await api.CreateClient().GetByteArrayAsync($"/api/v1/catalogue/releases/{published.Id}/files/json"))
            .RootElement.GetProperty("builtAt").GetDateTimeOffset();
        using var word = WordprocessingDocument.Open(new MemoryStream(first), false);
        Assert.Equal(builtAt.UtcDateTime, word.PackageProperties.Created!.Value.ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(word.PackageProperties.Created, word.PackageProperties.Modified);
    }

    [Fact]
    public async Task The_bundle_has_the_programme_and_one_docx_per_module_and_the_catalogue_serves_each()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var anyone = api.CreateClient();

        var files = AccessibleReleaseSteps.Entries(await (await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}/files/zip")).Content.ReadAsByteArrayAsync());
        var module = await anyone.GetAsync(GetCatalogueDocument.UrlOf(release.Id, "modul-1.docx"));
        var programme = await anyone.GetAsync(GetCatalogueDocument.UrlOf(release.Id));
        var unknown = await anyone.GetAsync(GetCatalogueDocument.UrlOf(release.Id, "wytyczne.docx"));
        var notADocument = await anyone.GetAsync(GetCatalogueDocument.UrlOf(release.Id, "release.json"));

        // The advisory guideline is a top-level section but not a module: no document of its own.
        Assert.Equal(["docx/modul-1.docx", "docx/modul-2.docx", "docx/program.docx"], files.Keys.Where(k => k.StartsWith("docx/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var sums = Encoding.UTF8.GetString(files["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0]);
        Assert.All(files.Keys.Where(k => k.StartsWith("docx/", StringComparison.Ordinal)), k => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files[k])), sums[k]));
        Assert.Contains("\"docx/modul-2.docx\"", Encoding.UTF8.GetString(files["manifest.json"]), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        var bytes = await module.Content.ReadAsByteArrayAsync();
        Assert.Equal(files["docx/modul-1.docx"], bytes);
        Assert.Equal(DocxType, module.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", module.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"\"{sums["docx/modul-1.docx"]}\"", module.Headers.ETag!.Tag);
        Assert.Contains("immutable", module.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(files["docx/program.docx"], await programme.Content.ReadAsByteArrayAsync());
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await notADocument.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        // The module's document is the module alone, as Heading 1, with its units below it and the appendices after it.
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var headings = word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => (p.ParagraphProperties!.ParagraphStyleId!.Val!.Value, p.InnerText)).ToList();
        Assert.Equal(("Heading1", "Moduł 1: zarządzanie cyfryzacją"), headings[0]);
        Assert.Contains(("Heading2", "Jednostka 1.2"), headings);
        Assert.DoesNotContain(headings, h => h.InnerText.StartsWith("Moduł 2", StringComparison.Ordinal));
        Assert.Contains(("Heading1", "Załącznik B. Deklaracja dostępności"), headings);
    }

    [Fact]
    public async Task Uploaded_images_are_embedded_with_their_alt_text_a_webp_and_a_decorative_svg_as_png_and_an_attachment_linked_beside()
    {
        var png = SampleImages.Png(960, 400);
        using var bitmap = new SkiaSharp.SKBitmap(200, 100);
        bitmap.Erase(SkiaSharp.SKColors.DarkRed);
        var webp = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Webp, 90).ToArray();
        var svg = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#1F3864"/></svg>""");
        // The link without its format and size is waived in review: the document adds them, as the pages do.
        var version = await new AccessibleReleaseSteps(steps).TestedWithWaiversAsync("""
            Sieć w szkole ma router, przełącznik i punkty dostępowe w salach.

            ![Schemat sieci szkolnej](assets/schemat-sieci.png)

            ![Mapa gminy z obwodami szkół](assets/mapa.webp)

            ![](assets/ornament.svg "dekoracyjny")

            Zasady udziału opisuje [regulamin naboru](assets/regulamin-naboru.pdf), a ich skrót [regulamin w punktach (PDF, 1 kB)](assets/regulamin-naboru.pdf).
            """, f => f.Rule == "attachment-link-undescribed", ("schemat-sieci.png", png), ("mapa.webp", webp), ("ornament.svg", svg), ("regulamin-naboru.pdf", SampleImages.Pdf()));
        var draft = await steps.DraftAsync(version.Id);

        var bytes = await steps.Team.GetByteArrayAsync($"/api/v1/releases/{draft.Id}/files/docx");
        // The stored bytes (the upload's metadata stripped), as the release's bundle carries them.
        var stored = AccessibleReleaseSteps.Entries(await steps.Team.GetByteArrayAsync($"/api/v1/releases/{draft.Id}/files/zip"))["html/assets/schemat-sieci.png"];

        Assert.Equal(bytes, await steps.Team.GetByteArrayAsync($"/api/v1/releases/{draft.Id}/files/docx"));
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var main = word.MainDocumentPart!;
        var drawings = main.Document.Body!.Descendants<Wp.Inline>().ToList();
        Assert.Equal(3, drawings.Count);

        // The described image: its own bytes, its alt text, 960 px wide scaled to the 16 cm of text, proportions kept.
        var described = drawings[0];
        Assert.Equal("Schemat sieci szkolnej", described.DocProperties!.Description!.Value);
        var part = (ImagePart)main.GetPartById(described.Descendants<A.Blip>().Single().Embed!.Value!);
        Assert.Equal("image/png", part.ContentType);
        using (var stream = part.GetStream())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            Assert.Equal(stored, copy.ToArray());
        }

        Assert.Equal(16 * 360_000L, described.Extent!.Cx!.Value);
        Assert.Equal(16 * 360_000L * 400 / 960, described.Extent.Cy!.Value);

        // The WebP, which Word may not read: drawn to PNG, with its description.
        Assert.Equal("Mapa gminy z obwodami szkół", drawings[1].DocProperties!.Description!.Value);
        Assert.Equal("image/png", ((ImagePart)main.GetPartById(drawings[1].Descendants<A.Blip>().Single().Embed!.Value!)).ContentType);

        // The decorative SVG: drawn to PNG, no description, and Office's decorative flag.
        var decorative = drawings[2];
        Assert.Equal("", decorative.DocProperties!.Description!.Value);
        var extension = decorative.DocProperties.Descendants<A.NonVisualDrawingPropertiesExtension>().Single();
        Assert.Equal("{C183D7F6-B498-43B3-948B-1728B52AA6E4}", extension.Uri!.Value);
        Assert.Contains("decorative", extension.InnerXml, StringComparison.Ordinal);
        Assert.Contains("val=\"1\"", extension.InnerXml, StringComparison.Ordinal);
        var raster = (ImagePart)main.GetPartById(decorative.Descendants<A.Blip>().Single().Embed!.Value!);
        Assert.Equal("image/png", raster.ContentType);
        Assert.Equal(120 * 9525L, decorative.Extent!.Cx!.Value);

        // The attachment leads to where the package keeps it, beside the pages, and says its format and size when its words do not.
        var links = main.Document.Body.Descendants<Hyperlink>().Where(h => h.InnerText.StartsWith("regulamin", StringComparison.Ordinal)).ToList();
        Assert.Equal(["regulamin naboru (PDF, " + TrainingApi.Features.Curriculum.Assets.AttachmentSize.Polish(SampleImages.Pdf().Length) + ")", "regulamin w punktach (PDF, 1 kB)"],
            links.Select(l => l.InnerText));
        Assert.All(links, link => Assert.Equal("../html/assets/regulamin-naboru.pdf", main.HyperlinkRelationships.Single(r => r.Id == link.Id!.Value).Uri.OriginalString));
    }
}
