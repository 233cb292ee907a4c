using DocumentFormat.OpenXml;
using TrainingApi.Features.Curriculum.Assets;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// What one document's writers share while the body is built: the package (relationships, media), the list instances, the
/// outline of headings, the assets by name, and the counters Word needs unique per document (drawing ids, table numbers).
/// </summary>
internal sealed class DocxContext(IReadOnlyList<AssetFacts> assetList, ReleaseAssets assets)
{
    private uint drawings;
    private int tables;

    public DocxPackage Package { get; } = new();

    public DocxNumbering Numbering { get; } = new();

    public DocxOutline Outline { get; } = new();

    public List<OpenXmlElement> Body { get; } = [];

    public IReadOnlyDictionary<string, AssetFacts> AssetsByName { get; } = assetList.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public ReleaseAssets Assets => assets;

    /// <summary>The next <c>wp:docPr</c> id; Word treats a document with two drawings of the same id as damaged.</summary>
    public uint NextDrawingId() => ++drawings;

    /// <summary>The number of the next table's caption ("Tabela 3."), counted through the document as Word's SEQ field counts.</summary>
    public int NextTableNumber() => ++tables;
}
