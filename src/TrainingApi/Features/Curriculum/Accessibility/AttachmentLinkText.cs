using System.Globalization;
using System.Text.RegularExpressions;
using TrainingApi.Features.Curriculum.Assets;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Whether the text of a link to an attachment tells the reader what they are about to download, as Polish accessibility
/// guidance asks: its format and its size, e.g. <c>Regulamin naboru (PDF, 1,2 MB)</c>. The format is the format's label in
/// any case; the size is a number (comma or dot decimal) with kB, KB or MB (B for the smallest files) that is roughly right: within 10 % of the real
/// size or one unit of its last written digit, so both 1000- and 1024-based units and any rounding pass.
/// </summary>
internal static partial class AttachmentLinkText
{
    public sealed record Description(bool HasFormat, bool HasSize)
    {
        public bool IsComplete => HasFormat && HasSize;
    }

    public static Description Of(string text, AssetFacts attachment)
    {
        var label = attachment.Format.Label;
        var hasFormat = Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(label)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var hasSize = Sizes().Matches(text).Any(match => IsRoughly(match, attachment.Size));
        return new Description(hasFormat, hasSize);
    }

    /// <summary>What the link text lacks, to append to it: <c> (PDF, 1,2 MB)</c>, <c> (1,2 MB)</c>, <c> (PDF)</c>, or "" when nothing.</summary>
    public static string MissingSuffix(string text, AssetFacts attachment)
    {
        var description = Of(text, attachment);
        var missing = new List<string>(2);
        if (!description.HasFormat)
        {
            missing.Add(attachment.Format.Label);
        }

        if (!description.HasSize)
        {
            missing.Add(AttachmentSize.Polish(attachment.Size));
        }

        return missing.Count == 0 ? "" : " (" + string.Join(", ", missing) + ")";
    }

    /// <summary>The text the checker proposes: the author's words without a trailing parenthesis that tried to say format or size, then "(PDF, 1,2 MB)".</summary>
    public static string Proposal(string text, AssetFacts attachment)
    {
        var words = text.Trim();
        if (TrailingParenthesis().Match(words) is { Success: true } tail
            && (tail.Value.Contains(attachment.Format.Label, StringComparison.OrdinalIgnoreCase) || Sizes().IsMatch(tail.Value)))
        {
            words = words[..tail.Index].TrimEnd();
        }

        return $"{words} ({attachment.Format.Label}, {AttachmentSize.Polish(attachment.Size)})";
    }

    private static bool IsRoughly(Match match, long bytes)
    {
        var number = match.Groups["number"].Value;
        var value = double.Parse(number.Replace(',', '.'), CultureInfo.InvariantCulture);
        var unit = char.ToUpperInvariant(match.Groups["unit"].Value[0]) switch { 'M' => 1_000_000d, 'K' => 1000d, _ => 1d };
        var separator = number.IndexOfAny([',', '.']);
        var decimals = separator < 0 ? 0 : number.Length - separator - 1;
        var lastDigit = Math.Pow(10, -decimals) * unit;
        return Math.Abs(value * unit - bytes) <= Math.Max(0.1 * bytes, lastDigit);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<number>\d+(?:[.,]\d+)?)\s*(?<unit>[kKmM][bB]|B)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Sizes();

    [GeneratedRegex(@"\([^()]*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingParenthesis();
}
