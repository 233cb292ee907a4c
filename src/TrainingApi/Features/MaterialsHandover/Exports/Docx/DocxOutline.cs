using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// The document's headings and its table of contents. Every heading paragraph gets a bookmark; the contents are Word's own
/// structure (a content control of the "Table of Contents" gallery around a TOC field), so Word recognises and can update them,
/// and the field's result is already written as internal hyperlinks to those bookmarks, so the contents are there and work
/// in any reader without updating fields first. Levels 1–3 are listed; without page numbers (<c>\n</c>), which only a
/// layout engine knows.
/// </summary>
internal sealed class DocxOutline
{
    public const string Instruction = " TOC \\o \"1-3\" \\h \\z \\u \\n ";

    private readonly List<(int Level, string Text, string Bookmark)> headings = [];
    private readonly HashSet<string> sections = new(StringComparer.Ordinal);

    /// <summary>Makes a section's heading known before it is written, so links to it from earlier text can point at it.</summary>
    public void Expect(string anchor) => sections.Add(BookmarkOf(anchor));

    /// <summary>Whether this document has a heading with the bookmark.</summary>
    public bool Knows(string bookmark) => sections.Contains(bookmark);

    /// <summary>
    /// A heading paragraph of <paramref name="level"/> (1–6) with the given content. A section's heading is bookmarked by its
    /// anchor, so links to <c>#anchor</c> in the text find it; other headings get a hidden numbered bookmark, as Word's own are.
    /// </summary>
    public Paragraph Heading(int level, IEnumerable<OpenXmlElement> content, string? anchor = null)
    {
        var bookmark = anchor is null ? Invariant($"_Toc{headings.Count + 1:D6}") : BookmarkOf(anchor);
        var id = (headings.Count + 1).ToString(CultureInfo.InvariantCulture);
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Heading(level) }), new BookmarkStart { Id = id, Name = bookmark });
        paragraph.Append(content);
        paragraph.Append(new BookmarkEnd { Id = id });
        headings.Add((level, paragraph.InnerText, bookmark));
        return paragraph;
    }

    /// <summary>The bookmark of a section's heading; anchors are lower-case letters, digits and hyphens, and Word's names allow no hyphen.</summary>
    public static string BookmarkOf(string anchor)
    {
        var name = "_" + anchor.Replace('-', '_');
        return name.Length <= 40 ? name : name[..40];
    }

    public SdtBlock TableOfContents()
    {
        var content = new SdtContentBlock(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.TocHeading }), new Run(new Text("Spis treści"))));
        var entries = headings.Where(h => h.Level <= 3).ToList();
        var first = true;
        foreach (var (level, text, bookmark) in entries)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Toc(level) }));
            if (first)
            {
                paragraph.Append(FieldStart());
                first = false;
            }

            paragraph.Append(new Hyperlink(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { Anchor = bookmark, History = true });
            content.Append(paragraph);
        }

        if (first)
        {
            content.Append(new Paragraph(FieldStart()));
        }

        content.Append(new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        return new SdtBlock(
            new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
            content);
    }

    private static IEnumerable<OpenXmlElement> FieldStart() =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(Instruction) { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
    ];

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
