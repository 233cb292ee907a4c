using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Markdig's table, inside a region that scrolls sideways on its own, so a wide table never makes the page scroll at 320 CSS px
/// (WCAG 1.4.10 allows two-dimensional scrolling for data tables, but only inside them):
/// <c>&lt;div class="table-scroll" role="region" aria-label="Tabela: Część, Forma, Godziny" tabindex="0"&gt;</c>. The region is
/// focusable so that keyboard users can scroll it, and named by its column headers (numbered when two tables of a page have the same).
/// </summary>
internal sealed class ScrollableTableRenderer(TableRegionLabels labels) : HtmlObjectRenderer<Table>
{
    private readonly IMarkdownObjectRenderer table = new HtmlTableRenderer();

    protected override void Write(HtmlRenderer renderer, Table block)
    {
        var header = block.OfType<TableRow>().FirstOrDefault(row => row.IsHeader);
        var columns = header?.OfType<TableCell>().Select(TableRules.CellText).Where(text => text.Length > 0).ToList() ?? [];
        var label = labels.Next(columns.Count == 0 ? "Tabela" : "Tabela: " + string.Join(", ", columns));

        renderer.EnsureLine();
        renderer.Write("<div class=\"table-scroll\" role=\"region\" aria-label=\"").WriteEscape(label).WriteLine("\" tabindex=\"0\">");
        table.Write(renderer, block);
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
    }
}

/// <summary>The names of the table regions of one page, each used once: a repeated one gets its number, "Tabela: Szkoła, Godziny (2)".</summary>
public sealed class TableRegionLabels
{
    private readonly Dictionary<string, int> uses = new(StringComparer.Ordinal);

    internal string Next(string label)
    {
        var count = uses[label] = uses.GetValueOrDefault(label) + 1;
        return count == 1 ? label : $"{label} ({count})";
    }
}
