using Markdig.Syntax;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// WCAG 1.3.1: the heading outline must be true. The section's own title is rendered at <c>baseHeadingLevel</c>,
/// so headings inside it start one level below and never skip a level on the way down.
/// </summary>
internal static class HeadingRules
{
    public static void Check(MarkdownDocument document, CheckContext context)
    {
        var previous = context.BaseHeadingLevel;
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var at = context.Map.Of(heading);
            var text = InlineText.Of(heading.Inline);
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
    }
}
