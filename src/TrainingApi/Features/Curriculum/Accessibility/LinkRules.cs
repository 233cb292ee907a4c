using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>WCAG 2.4.4: the text of a link alone must say where it leads, and one text must not lead to two places.</summary>
internal static class LinkRules
{
    public const int MaxLinkTextLength = 100;

    public static void Check(MarkdownDocument document, CheckContext context)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in document.Descendants<LinkInline>().Where(link => !link.IsImage))
        {
            var text = InlineText.Of(link);
            var at = context.Map.Of(link);

            // A bare address as its own text is self-describing, like an autolink.
            if (LooksLikeAddress(text))
            {
                continue;
            }

            if (text.Length == 0)
            {
                context.Report(AccessibilityRules.LinkTextEmpty, at, link.Url ?? "",
                    "Give the link text that names its target, e.g. [Regulamin programu (PDF)](regulamin.pdf).",
                    "Nadaj linkowi tekst, który nazywa cel, np. [Regulamin programu (PDF)](regulamin.pdf).");
                continue;
            }

            if (MeaninglessLinkText.Matches(text))
            {
                context.Report(AccessibilityRules.LinkTextMeaningless, at, text,
                    $"\"{text}\" says nothing out of context. Name the target instead, e.g. \"Rules of the programme (PDF)\".",
                    $"„{text}” nic nie mówi poza kontekstem. Nazwij cel linku, np. „Regulamin programu (PDF)”.");
            }
            else if (text.Length > MaxLinkTextLength)
            {
                context.Report(AccessibilityRules.LinkTextTooLong, at, text,
                    $"Shorten the link text to at most {MaxLinkTextLength} characters ({text.Length} now); keep the name of the target and move the rest into the sentence.",
                    $"Skróć tekst linku do najwyżej {MaxLinkTextLength} znaków (teraz {text.Length}); zostaw nazwę celu, resztę przenieś do zdania.");
            }
            else if (link.Url is { } url)
            {
                // The same words for two different targets: in a list of links they cannot be told apart.
                var key = MeaninglessLinkText.Normalize(text);
                if (targets.TryGetValue(key, out var first) && !string.Equals(first, url.Trim(), StringComparison.Ordinal))
                {
                    context.Report(AccessibilityRules.LinkTextAmbiguous, at, text,
                        $"\"{text}\" already links to {first}; this one leads elsewhere. Make each text name its own target.",
                        $"„{text}” prowadzi już do {first}; ten link prowadzi gdzie indziej. Niech każdy tekst nazywa własny cel.");
                }
                else
                {
                    targets.TryAdd(key, url.Trim());
                }
            }
        }
    }

    private static bool LooksLikeAddress(string text) =>
        !text.Any(char.IsWhiteSpace) && (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase));
}
