using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// The parts of one WordprocessingML package and the relationships of its main document, assembled by hand and written with
/// <see cref="DeterministicZip"/>. System.IO.Packaging (under WordprocessingDocument.Create) stamps the ZIP with the current
/// time and the SDK invents random relationship ids, so the same release would give different bytes each time; here every
/// relationship gets the next id (rId1, rId2…) in the order the document asks for it, and the entries are written in a fixed
/// order with <c>[Content_Types].xml</c> first, as Office writes them.
/// </summary>
internal sealed class DocxPackage
{
    public const string StylesId = "rId1";
    public const string NumberingId = "rId2";
    public const string SettingsId = "rId3";

    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly List<(string Id, string Type, string Target, bool External)> relationships =
    [
        (StylesId, OfficeRelationships + "/styles", "styles.xml", false),
        (NumberingId, OfficeRelationships + "/numbering", "numbering.xml", false),
        (SettingsId, OfficeRelationships + "/settings", "settings.xml", false),
    ];

    private readonly Dictionary<string, string> hyperlinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Id, string Path)> images = new(StringComparer.Ordinal);
    private readonly List<(string Path, byte[] Bytes)> media = [];

    /// <summary>The relationship of an external link target (an address or a relative path of an attachment), one per distinct target.</summary>
    public string Hyperlink(string target)
    {
        if (!hyperlinks.TryGetValue(target, out var id))
        {
            id = NextId();
            relationships.Add((id, OfficeRelationships + "/hyperlink", target, true));
            hyperlinks[target] = id;
        }

        return id;
    }

    /// <summary>The relationship of an embedded image (PNG or JPEG bytes), stored once per key however often the text shows it.</summary>
    public string Image(string key, byte[] bytes, string extension)
    {
        if (!images.TryGetValue(key, out var image))
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"media/image{media.Count + 1}.{extension}");
            image = (NextId(), path);
            relationships.Add((image.Id, OfficeRelationships + "/image", path, false));
            media.Add(("word/" + path, bytes));
            images[key] = image;
        }

        return image.Id;
    }

    public byte[] Write(OpenXmlPartRootElement document, OpenXmlPartRootElement styles, OpenXmlPartRootElement numbering, OpenXmlPartRootElement settings, byte[] core)
    {
        var entries = new List<(string Path, byte[] Bytes)>
        {
            ("[Content_Types].xml", ContentTypes()),
            ("_rels/.rels", Relationships([
                ("rId1", OfficeRelationships + "/officeDocument", "word/document.xml", false),
                ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", false),
            ])),
            ("docProps/core.xml", core),
            ("word/document.xml", Xml(document)),
            ("word/_rels/document.xml.rels", Relationships(relationships)),
            ("word/styles.xml", Xml(styles)),
            ("word/numbering.xml", Xml(numbering)),
            ("word/settings.xml", Xml(settings)),
        };
        entries.AddRange(media);
        return DeterministicZip.Write(entries);
    }

    private string NextId() => "rId" + (relationships.Count + 1).ToString(CultureInfo.InvariantCulture);

    private static byte[] Xml(OpenXmlElement root) =>
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" + root.OuterXml);

    private byte[] ContentTypes()
    {
        const string wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        return Write("Types", ContentTypesNs, writer =>
        {
            void Default(string extension, string type)
            {
                writer.WriteStartElement("Default", ContentTypesNs);
                writer.WriteAttributeString("Extension", extension);
                writer.WriteAttributeString("ContentType", type);
                writer.WriteEndElement();
            }

            void Override(string part, string type)
            {
                writer.WriteStartElement("Override", ContentTypesNs);
                writer.WriteAttributeString("PartName", part);
                writer.WriteAttributeString("ContentType", type);
                writer.WriteEndElement();
            }

            Default("rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default("xml", "application/xml");
            if (media.Any(m => m.Path.EndsWith(".png", StringComparison.Ordinal)))
            {
                Default("png", "image/png");
            }

            if (media.Any(m => m.Path.EndsWith(".jpeg", StringComparison.Ordinal)))
            {
                Default("jpeg", "image/jpeg");
            }

            Override("/word/document.xml", wordprocessing + "document.main+xml");
            Override("/word/styles.xml", wordprocessing + "styles+xml");
            Override("/word/numbering.xml", wordprocessing + "numbering+xml");
            Override("/word/settings.xml", wordprocessing + "settings+xml");
            Override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        });
    }

    private static byte[] Relationships(IEnumerable<(string Id, string Type, string Target, bool External)> list) =>
        Write("Relationships", RelationshipsNs, writer =>
        {
            foreach (var (id, type, target, external) in list)
            {
                writer.WriteStartElement("Relationship", RelationshipsNs);
                writer.WriteAttributeString("Id", id);
                writer.WriteAttributeString("Type", type);
                writer.WriteAttributeString("Target", target);
                if (external)
                {
                    writer.WriteAttributeString("TargetMode", "External");
                }

                writer.WriteEndElement();
            }
        });

    private static byte[] Write(string root, string ns, Action<XmlWriter> content)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument(standalone: true);
            writer.WriteStartElement(root, ns);
            content(writer);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
