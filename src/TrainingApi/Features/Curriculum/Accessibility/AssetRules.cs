using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TrainingApi.Features.Curriculum.Assets;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// References to the version's assets (<c>assets/{name}</c>), judged only when the version's assets are known:
/// WCAG 1.1.1, an image or link must name an asset the version has (or the published page shows and offers nothing), and an
/// image must be an image, not an attachment; WCAG 2.4.4, a link to an attachment says what the reader downloads — its
/// format and size, as Polish guidance asks ("Regulamin naboru (PDF, 1,2 MB)"). The exporter appends what such a link lacks,
/// so that finding may be waived; the other two cannot be mended.
/// </summary>
internal static class AssetRules
{
    public static void Check(MarkdownDocument document, CheckContext context)
    {
        if (context.Assets is not { } assets)
        {
            return;
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (AssetReferences.NameOf(link.Url) is not { } name)
            {
                continue;
            }

            var at = context.Map.Of(link);
            if (!assets.TryGetValue(name, out var asset))
            {
                context.Report(AccessibilityRules.AssetMissing, at, link.Url ?? "",
                    $"The version has no asset \"{name}\", so the published page would show or offer nothing here. Upload it (PUT /api/v1/versions/{{versionId}}/assets/{name}) or correct the name.",
                    $"Wersja nie ma zasobu „{name}”, więc opublikowana strona nic tu nie pokaże ani nie udostępni. Prześlij go (PUT /api/v1/versions/{{versionId}}/assets/{name}) albo popraw nazwę.");
                continue;
            }

            if (link.IsImage)
            {
                if (asset.Kind == AssetKind.Attachment)
                {
                    context.Report(AccessibilityRules.AssetKindMismatch, at, link.Url ?? "",
                        $"\"{name}\" is an attachment ({asset.Format.Label}), not an image: a browser cannot show it in the text. Link it instead: [{AttachmentLinkText.Proposal(InlineText.Of(link), asset)}]({asset.Path}).",
                        $"„{name}” to załącznik ({asset.Format.Label}), a nie obraz: przeglądarka nie pokaże go w tekście. Podlinkuj go: [{AttachmentLinkText.Proposal(InlineText.Of(link), asset)}]({asset.Path}).");
                }

                continue;
            }

            var text = InlineText.Of(link);
            // An empty or meaningless link text is LinkRules' finding; one that names the target lacks only the format and size.
            if (asset.Kind == AssetKind.Attachment && text.Length > 0 && !MeaninglessLinkText.Matches(text) && !AttachmentLinkText.Of(text, asset).IsComplete)
            {
                var proposal = AttachmentLinkText.Proposal(text, asset);
                context.Report(AccessibilityRules.AttachmentLinkUndescribed, at, text,
                    $"Say what the reader downloads: the format and size of \"{name}\". Write [{proposal}]({asset.Path}).",
                    $"Napisz, co czytelnik pobiera: format i rozmiar pliku „{name}”. Napisz [{proposal}]({asset.Path}).");
            }
        }
    }
}
