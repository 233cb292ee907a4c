using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// An editable, accessible Word document of a release, for the Ministry's staff who edit in Word: the whole programme, or one
/// top-level module. Word's own heading styles in outline order with no skipped level (the programme's title in the Title
/// style, top sections Heading 1, each level below one deeper, the Markdown's headings renumbered below their section), a table
/// of contents at the start, real lists, tables with repeating header rows and captions, images embedded with their alt text,
/// Polish as the language of the document and its properties, and the evidence and accessibility statement as appendices.
/// The same release gives the same bytes (see <see cref="DocxPackage"/>).
/// </summary>
public static class ReleaseDocx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string ProgrammeFile = "program.docx";
    private const string NoAuthors = "Zespół programu";

    public static byte[] Programme(ReleaseDocument release, ReleaseAssets assets) =>
        Build(release, assets, release.Sections, $"{release.Programme.Title} – wydanie {release.SemanticVersion}", subtitle: null);

    public static byte[] Module(ReleaseDocument release, ContentSection module, ReleaseAssets assets) =>
        Build(release, assets, [.. ReleaseHtml.Subtree(release.Sections, module)], $"{release.Programme.Title} – {module.Title} – wydanie {release.SemanticVersion}",
            subtitle: $"Moduł programu: {module.Title}");

    /// <summary>The modules that get a document of their own: top-level sections of kind module, in document order.</summary>
    public static IEnumerable<ContentSection> Modules(ReleaseDocument release) => release.Sections.Where(s => s.Depth == 0 && s.Kind == SectionKind.Module);

    public static string FileNameOf(ContentSection module) => module.Anchor + ".docx";

    private static byte[] Build(ReleaseDocument release, ReleaseAssets assets, IReadOnlyList<ContentSection> sections, string title, string? subtitle)
    {
        var context = new DocxContext(release.AssetList, assets);
        foreach (var section in sections)
        {
            context.Outline.Expect(section.Anchor);
        }

        context.Body.Add(DocxRuns.Paragraph(release.Programme.Title, DocxStyles.Title));
        if (subtitle is not null)
        {
            context.Body.Add(DocxRuns.Paragraph(subtitle, DocxStyles.Subtitle));
        }

        context.Body.Add(DocxRuns.Paragraph($"Wydanie {release.SemanticVersion} (wersja programu {release.Programme.VersionLabel}) z {PolishWording.Date(release.BuiltAt)}, " +
                                            $"licencja {release.Licence}."));
        if (release.Programme.Summary is { Length: > 0 } summary)
        {
            context.Body.Add(DocxRuns.Paragraph(summary));
        }

        context.Body.Add(new Paragraph(DocxRuns.Text("Informacje o wydaniu:", new RunFormat(Bold: true)), DocxRuns.Text(" " + release.Notes)));
        // The contents go here, once every heading after them is known.
        var contentsAt = context.Body.Count;

        var acts = release.LegalActs.GroupBy(a => a.Citation, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        var top = sections.Count == 0 ? 0 : sections.Min(s => s.Depth);
        foreach (var section in sections)
        {
            var level = Math.Min(section.Depth - top + 1, 6);
            context.Body.Add(context.Outline.Heading(level, [DocxRuns.Text(section.Title)], section.Anchor));
            DocxFacts.Append(context, section, acts);
            DocxMarkdown.Append(context, section.Markdown, level, section.Title);
        }

        DocxAppendices.Append(context, release);
        context.Body.Insert(contentsAt, context.Outline.TableOfContents());

        var body = new Body(context.Body);
        body.Append(PageSetup());
        var document = new Document(body);
        document.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        document.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        document.AddNamespaceDeclaration("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
        document.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        document.AddNamespaceDeclaration("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
        document.AddNamespaceDeclaration("adec", DocxImages.DecorativeNamespace);

        var core = new DocxProperties.Core(title, release.Title, Creator(sections), Description(release), string.Join(", ", release.Reasons), release.BuiltAt);
        return context.Package.Write(document, DocxStyles.Part(), context.Numbering.Part(), DocxStyles.Settings(), DocxProperties.Write(core));
    }

    /// <summary>The authors of the document's sections, each once in order of appearance; the programme team when no section names one.</summary>
    private static string Creator(IReadOnlyList<ContentSection> sections)
    {
        var authors = sections.SelectMany(s => s.Authors).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return authors.Count == 0 ? NoAuthors : string.Join("; ", authors);
    }

    private static string Description(ReleaseDocument release) =>
        release.Programme.Summary is { Length: > 0 } summary ? $"{summary} {release.Notes}" : release.Notes;

    /// <summary>A4 portrait with margins of 2.5 cm, leaving the 16 cm of text width images are scaled to.</summary>
    private static SectionProperties PageSetup() => new(
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin
        {
            Top = 1418, Bottom = 1418, Left = 1418U, Right = 1418U, Header = 709U, Footer = 709U, Gutter = 0U,
        },
        new Columns { Space = 708.ToString(CultureInfo.InvariantCulture) });
}
