using System.Text;
using System.Xml;
using System.Xml.Linq;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>
/// An IMS Common Cartridge 1.1 package (the version Moodle's importer reads): imsmanifest.xml with LOM metadata, one
/// rooted-hierarchy organization whose items are the release's pages, and each page a `webcontent` resource. Each image and
/// attachment is a `webcontent` resource of its own under web/assets/, and the pages that use it depend on it.
/// </summary>
public static class CommonCartridge
{
    public static readonly XNamespace Cp = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
    public static readonly XNamespace Lom = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    // Declared though unused: the schema gives every resource a default `imsccauth:protected` attribute, which a
    // validator can only apply when the namespace has a prefix in the document.
    private static readonly XNamespace Auth = "http://www.imsglobal.org/xsd/imsccv1p1/imsccauth_v1p1";

    public static byte[] Package(ReleaseDocument release, IReadOnlyList<(string FileName, byte[] Bytes)> pages, ReleaseAssets assets) =>
        DeterministicZip.Write([("imsmanifest.xml", Manifest(release, pages)), .. pages.Select(p => ("web/" + p.FileName, p.Bytes)),
            .. release.AssetList.Select(a => ("web/" + a.Path, assets.BytesOf(a)))]);

    public static byte[] Manifest(ReleaseDocument release, IReadOnlyList<(string FileName, byte[] Bytes)> pages)
    {
        static string Id(string prefix, string name) => prefix + "_" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        var titles = release.Sections.Where(s => s.Depth == 0).ToDictionary(ReleaseHtml.FileNameOf, s => s.Title);
        var usedBy = ReleaseHtml.AssetsByPage(release);
        titles[ReleaseHtml.StatementFile] = "Deklaracja dostępności";
        var manifest = new XElement(Cp + "manifest",
            new XAttribute("identifier", "M_" + release.ReleaseId.ToString("N")),
            new XAttribute(XNamespace.Xmlns + "lomimscc", Lom),
            new XAttribute(XNamespace.Xmlns + "imsccauth", Auth),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(Xsi + "schemaLocation",
                $"{Cp} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd {Lom} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd"),
            new XElement(Cp + "metadata",
                new XElement(Cp + "schema", "IMS Common Cartridge"),
                new XElement(Cp + "schemaversion", "1.1.0"),
                new XElement(Lom + "lom",
                    new XElement(Lom + "general",
                        new XElement(Lom + "title", new XElement(Lom + "string", new XAttribute("language", release.Language), $"{release.Programme.Title} ({release.SemanticVersion})")),
                        new XElement(Lom + "language", release.Language),
                        new XElement(Lom + "description", new XElement(Lom + "string", new XAttribute("language", release.Language),
                            $"{release.Title}. Licencja: {release.Licence}."))))),
            new XElement(Cp + "organizations",
                new XElement(Cp + "organization", new XAttribute("identifier", "O_1"), new XAttribute("structure", "rooted-hierarchy"),
                    new XElement(Cp + "item", new XAttribute("identifier", "I_root"),
                        pages.Select(p => new XElement(Cp + "item", new XAttribute("identifier", Id("I", p.FileName)), new XAttribute("identifierref", Id("R", p.FileName)),
                            new XElement(Cp + "title", titles.GetValueOrDefault(p.FileName, release.Programme.Title))))))),
            new XElement(Cp + "resources",
                pages.Select(p => new XElement(Cp + "resource", new XAttribute("identifier", Id("R", p.FileName)), new XAttribute("type", "webcontent"),
                    new XAttribute("href", "web/" + p.FileName), new XElement(Cp + "file", new XAttribute("href", "web/" + p.FileName)),
                    usedBy.GetValueOrDefault(p.FileName, []).Select(name => new XElement(Cp + "dependency", new XAttribute("identifierref", Id("A", name)))))),
                release.AssetList.Select(a => new XElement(Cp + "resource", new XAttribute("identifier", Id("A", a.Name)), new XAttribute("type", "webcontent"),
                    new XAttribute("href", "web/" + a.Path), new XElement(Cp + "file", new XAttribute("href", "web/" + a.Path))))));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            new XDocument(new XDeclaration("1.0", "UTF-8", null), manifest).Save(writer);
        }

        return stream.ToArray();
    }
}
