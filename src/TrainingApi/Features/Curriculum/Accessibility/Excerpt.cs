using System.Text;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>Short, single-line quotations of the offending text, so a finding fits in a list or a log line.</summary>
internal static class Excerpt
{
    public const int MaxLength = 80;

    public static string Of(string text)
    {
        var collapsed = CollapseWhitespace(text);
        return collapsed.Length <= MaxLength ? collapsed : string.Concat(collapsed.AsSpan(0, MaxLength - 1).TrimEnd(), "…");
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
