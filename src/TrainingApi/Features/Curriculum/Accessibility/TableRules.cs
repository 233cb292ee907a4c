using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// WCAG 1.3.1: a data table needs header cells, or screen readers cannot tell what a cell's value means; and every header
/// cell needs a name, or the column it heads is announced with nothing.
/// </summary>
internal static class TableRules
{
    public static void Check(MarkdownDocument document, CheckContext context)
    {
        foreach (var table in document.Descendants<Table>())
        {
            var header = table.OfType<TableRow>().FirstOrDefault(row => row.IsHeader);
            var cells = header?.OfType<TableCell>().Select(CellText).ToList() ?? [];
            if (cells.Any(text => text.Length > 0))
            {
                var empty = cells.Select((text, index) => (text, index)).Where(c => c.text.Length == 0).Select(c => c.index + 1).ToList();
                if (empty.Count > 0)
                {
                    context.Report(AccessibilityRules.TableHeaderCellEmpty, context.Map.Of(header!, table), "| " + string.Join(" | ", cells) + " |",
                        $"Header cell(s) of column {string.Join(", ", empty)} have no text. Name every column, the first too (e.g. \"Moduł\").",
                        $"Komórki nagłówka w kolumnie {string.Join(", ", empty)} są puste. Nazwij każdą kolumnę, także pierwszą (np. „Moduł”).");
                }

                continue;
            }

            var firstRow = table.OfType<TableRow>().FirstOrDefault(row => !row.IsHeader);
            context.Report(AccessibilityRules.TableHeaderMissing, context.Map.Of(table), firstRow is null ? "|" : RowText(firstRow),
                "Give the table a header row: name each column in the first row, above the |---| line.",
                "Dodaj wiersz nagłówka tabeli: nazwij każdą kolumnę w pierwszym wierszu, nad linią |---|.");
        }
    }

    internal static string CellText(TableCell cell) => string.Concat(cell.Descendants<LeafBlock>().Select(leaf => InlineText.Of(leaf.Inline)));

    private static string RowText(TableRow row) => "| " + string.Join(" | ", row.OfType<TableCell>().Select(CellText)) + " |";
}
