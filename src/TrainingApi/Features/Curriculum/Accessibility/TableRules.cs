using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>WCAG 1.3.1: a data table needs header cells, or screen readers cannot tell what a cell's value means.</summary>
internal static class TableRules
{
    public static void Check(MarkdownDocument document, CheckContext context)
    {
        foreach (var table in document.Descendants<Table>())
        {
            var header = table.OfType<TableRow>().FirstOrDefault(row => row.IsHeader);
            var hasHeaderText = header is not null
                && header.OfType<TableCell>().Any(cell => cell.Descendants<LeafBlock>().Any(leaf => InlineText.Of(leaf.Inline).Length > 0));
            if (hasHeaderText)
            {
                continue;
            }

            var firstRow = table.OfType<TableRow>().FirstOrDefault(row => !row.IsHeader);
            context.Report(AccessibilityRules.TableHeaderMissing, context.Map.Of(table), firstRow is null ? "|" : RowText(firstRow),
                "Give the table a header row: name each column in the first row, above the |---| line.",
                "Dodaj wiersz nagłówka tabeli: nazwij każdą kolumnę w pierwszym wierszu, nad linią |---|.");
        }
    }

    private static string RowText(TableRow row) =>
        "| " + string.Join(" | ", row.OfType<TableCell>().Select(cell => string.Concat(cell.Descendants<LeafBlock>().Select(leaf => InlineText.Of(leaf.Inline))))) + " |";
}
