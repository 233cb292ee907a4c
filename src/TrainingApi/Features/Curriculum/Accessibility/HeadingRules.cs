using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// WCAG 1.3.1 and 2.4.6: the heading outline must be true. The section's own title is rendered at <c>baseHeadingLevel</c>,
/// so headings inside it start one level below and never skip a level on the way down; a heading has words; and text
/// that looks like a heading (a short line in bold on its own) is one, so it must be marked as one.
/// </summary>
internal static class HeadingRules
{
    public const int MaxBoldHeadingLength = 80;

    public static void Check(MarkdownDocument document, CheckContext context)
    {
        var previous = context.BaseHeadingLevel;
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var at = context.Map.Of(heading);
            var text = InlineText.Of(heading.Inline);
            if (text.Length == 0)
            {
                context.Report(AccessibilityRules.HeadingEmpty, at, new string('#', heading.Level),
                    "This heading has no text; screen readers announce an empty heading. Write its title or delete the line.",
                    "Ten nagłówek nie ma tekstu; czytnik ekranu ogłosi pusty nagłówek. Wpisz tytuł albo usuń wiersz.");
            }

            if (heading.Level <= context.BaseHeadingLevel)
            {
                var expected = context.BaseHeadingLevel + 1;
                context.Report(AccessibilityRules.HeadingLevelTooHigh, at, text,
                    $"This heading is level {heading.Level}, but the section title is already level {context.BaseHeadingLevel}. Use level {expected} ({new string('#', expected)}) or deeper.",
                    $"Ten nagłówek ma poziom {heading.Level}, a tytuł sekcji ma już poziom {context.BaseHeadingLevel}. Użyj poziomu {expected} ({new string('#', expected)}) lub niższego.");
            }
            else if (heading.Level > previous + 1)
            {
                var expected = previous + 1;
                context.Report(AccessibilityRules.HeadingLevelSkipped, at, text,
                    $"This heading jumps from level {previous} to {heading.Level}. Use level {expected} ({new string('#', expected)}) so no level is skipped.",
                    $"Ten nagłówek przeskakuje z poziomu {previous} na {heading.Level}. Użyj poziomu {expected} ({new string('#', expected)}), aby nie pomijać poziomów.");
            }

            previous = heading.Level;
        }

        foreach (var paragraph in document.Descendants<ParagraphBlock>().Where(p => p.Parent is MarkdownDocument or QuoteBlock))
        {
            if (BoldLine(paragraph) is { } text)
            {
                var level = Math.Min(previous + 1, 6);
                context.Report(AccessibilityRules.BoldAsHeading, context.Map.Of(paragraph), text,
                    $"A line in bold on its own looks like a heading but is not one for screen readers. Make it a heading: {new string('#', level)} {text}.",
                    $"Pogrubiony wiersz w osobnym akapicie wygląda jak nagłówek, ale czytnik ekranu go tak nie ogłosi. Zrób z niego nagłówek: {new string('#', level)} {text}.");
            }
        }
    }

    /// <summary>The text of a paragraph that is one short bold phrase and no sentence (no full stop), or null.</summary>
    private static string? BoldLine(ParagraphBlock paragraph)
    {
        var parts = paragraph.Inline?.Where(inline => !(inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())).ToList();
        if (parts is not [EmphasisInline { DelimiterCount: 2 } strong])
        {
            return null;
        }

        var text = InlineText.Of(strong);
        return text.Length is > 0 and <= MaxBoldHeadingLength && text[^1] is not ('.' or '!' or '?') ? text.TrimEnd(':') : null;
    }
}
