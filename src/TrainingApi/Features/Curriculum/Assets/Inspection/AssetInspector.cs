using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>
/// Recognises an upload from its bytes and refuses what the store must not hold (413, 415 or 422 problems, codes in
/// <see cref="AssetProblems"/>): the order is cheapest first, so that a hostile file costs little. The format comes from the
/// bytes, the size limit from the format's kind, then each format's own checks, which for images end in a re-encoding.
/// </summary>
public static class AssetInspector
{
    public static InspectedAsset Inspect(byte[] upload, AssetLimits limits)
    {
        try
        {
            return InspectChecked(upload, limits);
        }
        catch (ProblemException)
        {
            throw;
        }
        catch (Exception)
        {
            // A decoder or parser choking on crafted bytes is the file's fault, never a 500: whatever a client sends is answered.
            throw AssetProblems.DamagedFile(new(
                "The file could not be read: it is damaged, truncated or not what its first bytes say it is.",
                "Nie udało się odczytać pliku: jest uszkodzony, niekompletny albo nie jest tym, na co wskazują jego pierwsze bajty."));
        }
    }

    private static InspectedAsset InspectChecked(byte[] upload, AssetLimits limits)
    {
        var sniffed = FormatSniffer.Sniff(upload);
        if (sniffed.IsZip)
        {
            RefuseOversized(upload, "DOCX/XLSX/ODT/ODS", AssetKind.Attachment, limits);
            return OfficeArchiveInspection.Inspect(upload, limits);
        }

        var format = sniffed.Format ?? throw AssetProblems.Unsupported(sniffed.Unsupported ?? new("of an unrecognised kind", "nierozpoznanego rodzaju"));
        RefuseOversized(upload, format.Label, format.Kind, limits);
        if (format == AssetFormat.Svg)
        {
            return SvgSanitiser.Sanitise(upload, sniffed.HasDoctype, limits);
        }

        PolyglotChecks.RefuseEmbeddedZip(upload, format);
        PolyglotChecks.RefuseMarkup(upload, format);
        if (format == AssetFormat.Pdf)
        {
            return PdfInspection.Inspect(upload);
        }

        PolyglotChecks.RefuseDataAfterEnd(upload, format);
        return ImageInspection.Inspect(upload, format, limits);
    }

    /// <summary>The limit of the kind the bytes are (a ZIP is an office document, an attachment, whichever of the four it is).</summary>
    private static void RefuseOversized(byte[] upload, string label, AssetKind kind, AssetLimits limits)
    {
        var limit = kind == AssetKind.Image ? limits.MaxImageBytes : limits.MaxAttachmentBytes;
        if (upload.LongLength > limit)
        {
            throw AssetProblems.Oversized(label, kind, upload.LongLength, limit);
        }
    }
}
