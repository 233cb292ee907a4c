using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Exports;

public enum ExportFormat
{
    Json,
    Zip,
    Imscc,
    Docx,
}

public sealed record ExportFile(ExportFormat Format, string FileName, string MediaType, byte[] Bytes)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));
}

/// <summary>
/// Every export of a release, built from its document, the bytes of its assets (by name, as listed in the document) and its
/// identity (publisher, addresses, publication) alone, so the same release always gives the same bytes.
/// </summary>
public static class ReleaseExports
{
    public static ExportFile Build(ReleaseDocument release, ReleaseAssets assets, ReleaseIdentity identity, ExportFormat format) => format switch
    {
        ExportFormat.Json => new(format, "release.json", "application/json", ReleaseJson.Bytes(release)),
        ExportFormat.Zip => new(format, $"{BaseName(release)}.zip", "application/zip", Bundle(release, assets, identity)),
        ExportFormat.Imscc => new(format, $"{BaseName(release)}.imscc", "application/zip", CommonCartridge.Package(release, ReleaseHtml.Pages(release, identity), assets)),
        _ => new(format, $"{BaseName(release)}.docx", Docx.ReleaseDocx.MediaType, Docx.ReleaseDocx.Programme(release, assets)),
    };

    public static IReadOnlyList<ExportFile> All(ReleaseDocument release, ReleaseAssets assets, ReleaseIdentity identity) =>
        [.. Enum.GetValues<ExportFormat>().Select(f => Build(release, assets, identity, f))];

    public static string BaseName(ReleaseDocument release) => $"program-{release.Programme.VersionLabel}-wydanie-{release.SemanticVersion}";

    /// <summary>
    /// The ZIP bundle: release.json, html/ (accessible pages), docx/ (the programme and each module as editable Word documents), markdown/, tables/ (CSV per RFC 4180, CSV for Excel in Polish, XLSX), manifest.json (release
    /// metadata and every other file with its SHA-256 and size) and SHA256SUMS (`sha256sum -c` format, every file but itself).
    /// The images and attachments are in html/assets/, where the pages' relative addresses (<c>assets/…</c>) find them.
    /// </summary>
    public static byte[] Bundle(ReleaseDocument release, ReleaseAssets assets, ReleaseIdentity identity)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["release.json"] = ReleaseJson.Bytes(release),
            ["markdown/program.md"] = ReleaseTables.Markdown(release),
            ["tables/moduly.csv"] = ReleaseTables.ModulesCsv(release),
            ["tables/moduly-excel-pl.csv"] = ReleaseTables.ModulesCsvExcelPolish(release),
            ["tables/moduly.xlsx"] = ReleaseTables.ModulesXlsx(release),
        };
        foreach (var (name, bytes) in ReleaseHtml.Pages(release, identity))
        {
            files["html/" + name] = bytes;
        }

        foreach (var asset in release.AssetList)
        {
            files["html/" + asset.Path] = assets.BytesOf(asset);
        }

        files["docx/" + Docx.ReleaseDocx.ProgrammeFile] = Docx.ReleaseDocx.Programme(release, assets);
        foreach (var module in Docx.ReleaseDocx.Modules(release))
        {
            files["docx/" + Docx.ReleaseDocx.FileNameOf(module)] = Docx.ReleaseDocx.Module(release, module, assets);
        }

        files["manifest.json"] = Manifest(release, files);
        var sums = string.Concat(files.Select(f => $"{Hash(f.Value)}  {f.Key}\n"));
        files["SHA256SUMS"] = Encoding.UTF8.GetBytes(sums);
        return DeterministicZip.Write(files.Select(f => (f.Key, f.Value)));
    }

    private static byte[] Manifest(ReleaseDocument release, IReadOnlyDictionary<string, byte[]> files)
    {
        var manifest = new
        {
            release = new
            {
                id = release.ReleaseId, semanticVersion = release.SemanticVersion, title = release.Title, reasons = release.Reasons, licence = release.Licence,
                language = release.Language, builtAt = release.BuiltAt, programme = release.Programme, accessibility = release.Accessibility.Statement,
            },
            files = files.Select(f => new { path = f.Key, sha256 = Hash(f.Value), size = f.Value.LongLength }),
        };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(manifest, ReleaseJson.Options).ReplaceLineEndings("\n") + "\n");
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
