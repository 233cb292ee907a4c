using System.Globalization;
using System.Text;
using System.Xml;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// The package's core properties (docProps/core.xml), written here rather than through System.IO.Packaging, which would stamp
/// them with the time of the build: created and modified are the release's build time, so the same release gives the same
/// bytes. The title is what a screen reader and the window's title bar announce (WCAG 2.4.2); the language is the document's.
/// </summary>
internal static class DocxProperties
{
    private const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string DcTerms = "http://purl.org/dc/terms/";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public sealed record Core(string Title, string Subject, string Creator, string Description, string Keywords, DateTimeOffset Created);

    public static byte[] Write(Core core)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument(standalone: true);
            writer.WriteStartElement("cp", "coreProperties", Cp);
            writer.WriteAttributeString("xmlns", "dc", null, Dc);
            writer.WriteAttributeString("xmlns", "dcterms", null, DcTerms);
            writer.WriteAttributeString("xmlns", "xsi", null, Xsi);
            writer.WriteElementString("dc", "title", Dc, core.Title);
            writer.WriteElementString("dc", "subject", Dc, core.Subject);
            writer.WriteElementString("dc", "creator", Dc, core.Creator);
            writer.WriteElementString("cp", "keywords", Cp, core.Keywords);
            writer.WriteElementString("dc", "description", Dc, core.Description);
            writer.WriteElementString("cp", "lastModifiedBy", Cp, core.Creator);
            writer.WriteElementString("dc", "language", Dc, DocxStyles.Language);
            var instant = core.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            foreach (var name in new[] { "created", "modified" })
            {
                writer.WriteStartElement("dcterms", name, DcTerms);
                writer.WriteAttributeString("xsi", "type", Xsi, "dcterms:W3CDTF");
                writer.WriteString(instant);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
