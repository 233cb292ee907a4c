using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TrainingApi.Features.Curriculum.Accessibility;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>Which assets a section's Markdown refers to, by images and links to <c>assets/{name}</c> (link reference definitions included).</summary>
public static class AssetReferences
{
    public static IReadOnlySet<string> In(string markdown)
    {
        var document = Markdown.Parse(markdown, MarkdownPipelines.Standard);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in document.Descendants())
        {
            var url = node switch
            {
                LinkInline link => link.Url,
                LinkReferenceDefinition definition => definition.Url,
                _ => null,
            };
            if (NameOf(url) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The asset name a URL refers to (<c>assets/x.png</c>, also <c>./assets/x.png</c>), or null when it refers to no asset.</summary>
    public static string? NameOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var path = url.Trim();
        if (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.StartsWith(AssetFacts.Folder, StringComparison.Ordinal) && path.Length > AssetFacts.Folder.Length ? path[AssetFacts.Folder.Length..] : null;
    }
}
