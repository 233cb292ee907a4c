using Markdig.Syntax;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Turns character offsets into 1-based lines and columns.
/// Markdig's own Line/Column are left at 0 on some nodes (literals rebuilt from unmatched brackets,
/// synthetic header cells), while their Span offsets stay right, so positions are derived from offsets.
/// </summary>
internal sealed class SourceMap
{
    private readonly List<int> lineStarts = [0];

    public SourceMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public SourcePosition At(int offset)
    {
        var index = lineStarts.BinarySearch(Math.Max(0, offset));
        var line = index >= 0 ? index : ~index - 1;
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }

    /// <summary>The position of a node, or of <paramref name="fallback"/> when Markdig gave the node no source span.</summary>
    public SourcePosition Of(MarkdownObject node, MarkdownObject? fallback = null)
    {
        if (HasSpan(node))
        {
            return At(node.Span.Start);
        }

        return fallback is not null && HasSpan(fallback) ? At(fallback.Span.Start) : new SourcePosition(1, 1);
    }

    private static bool HasSpan(MarkdownObject node) => node.Span.Start >= 0 && node.Span.End >= node.Span.Start;
}
