using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>How a run of text looks: emphasis, code, a hyperlink's style, and its language when it is not the document's.</summary>
internal readonly record struct RunFormat(bool Bold = false, bool Italic = false, bool Code = false, bool Link = false, string? Language = null);

/// <summary>Runs of text and hyperlinks, shared by the Markdown walker and the parts written from the release's own fields.</summary>
internal static class DocxRuns
{
    public static Run Text(string text, RunFormat format = default)
    {
        var run = new Run();
        if (Properties(format) is { } properties)
        {
            run.Append(properties);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A paragraph of one run, in a style when given.</summary>
    public static Paragraph Paragraph(string text, string? style = null, RunFormat format = default)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(Text(text, format));
        return paragraph;
    }

    /// <summary>A link to an address outside the document (or a relative path beside it), its text as the link's content.</summary>
    public static Hyperlink External(DocxContext context, string target, IEnumerable<OpenXmlElement> content) =>
        new(content) { Id = context.Package.Hyperlink(target), History = true };

    public static Hyperlink External(DocxContext context, string target, string text) =>
        External(context, target, [Text(text, new RunFormat(Link: true))]);

    public static RunProperties? Properties(RunFormat format)
    {
        if (format == default(RunFormat))
        {
            return null;
        }

        // Schema order of run properties: style, fonts, bold, italic, … language.
        var properties = new RunProperties();
        if (format.Code || format.Link)
        {
            properties.Append(new RunStyle { Val = format.Link ? DocxStyles.Hyperlink : DocxStyles.CodeChar });
        }

        if (format.Bold)
        {
            properties.Append(new Bold(), new BoldComplexScript());
        }

        if (format.Italic)
        {
            properties.Append(new Italic(), new ItalicComplexScript());
        }

        if (format.Language is not null)
        {
            properties.Append(new Languages { Val = format.Language });
        }

        return properties;
    }
}
