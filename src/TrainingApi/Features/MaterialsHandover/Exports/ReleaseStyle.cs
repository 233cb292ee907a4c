namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>
/// The small stylesheet built into every exported page (no external file, so a page opened from the ZIP looks the same):
/// lines of at most about 70 characters, 1.6 line height, table borders, a visible focus ring, a skip link that shows on
/// focus, images that fit the screen, and print rules (no navigation, link addresses printed after external links).
/// Colours keep a contrast of at least 7:1 on white. Reflow (WCAG 1.4.10): at 320 CSS px nothing makes the page scroll
/// sideways — long words and addresses break, code blocks wrap, images shrink, a table from Markdown scrolls inside its own
/// focusable region (.table-scroll), and the statement's table (.reflow) becomes one labelled block per row below 40rem.
/// </summary>
public static class ReleaseStyle
{
    public const string Css = """
        html { color-scheme: light; }
        body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 1.0625rem; line-height: 1.6; color: #1a1a1a; background: #fff; overflow-wrap: anywhere; }
        header, nav, main, footer { max-width: 70ch; margin: 0 auto; padding: 0 1rem; }
        header { padding-top: 1rem; border-bottom: 1px solid #767676; }
        footer { margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid #767676; font-size: 0.9375rem; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 2rem 0 0.75rem; }
        p, ul, ol, dl, table, blockquote { margin: 0 0 1rem; }
        li + li { margin-top: 0.25rem; }
        dt { font-weight: 600; }
        dd { margin: 0 0 0.75rem 1.5rem; }
        a { color: #0b4f8a; text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
        a:hover { text-decoration-thickness: 2px; }
        a:focus-visible, main:focus-visible, .table-scroll:focus-visible { outline: 3px solid #8a3b00; outline-offset: 2px; }
        main:focus:not(:focus-visible) { outline: none; }
        .skip { position: absolute; left: 0.5rem; top: -4rem; padding: 0.5rem 1rem; background: #fff; border: 2px solid #0b4f8a; }
        .skip:focus { top: 0.5rem; }
        nav ul { padding-left: 1.25rem; }
        [aria-current="page"] { font-weight: 700; }
        table { border-collapse: collapse; width: 100%; }
        caption { text-align: left; font-weight: 600; margin-bottom: 0.25rem; }
        th, td { border: 1px solid #595959; padding: 0.375rem 0.625rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        thead th { background: #f2f2f2; }
        img { max-width: 100%; height: auto; }
        blockquote { border-left: 4px solid #767676; padding-left: 1rem; margin-left: 0; }
        code { font-family: ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace; font-size: 0.9375em; }
        pre { white-space: pre-wrap; }
        .table-scroll { max-width: 100%; overflow-x: auto; margin: 0 0 1rem; }
        .table-scroll > table { margin: 0; }
        @media screen and (max-width: 40rem) {
          .reflow, .reflow caption, .reflow thead, .reflow tbody, .reflow tr, .reflow th, .reflow td { display: block; }
          .reflow thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
          .reflow tr { border: 1px solid #595959; margin-bottom: 1rem; }
          .reflow td { border: 0; border-top: 1px solid #d0d0d0; }
          .reflow td:first-child { border-top: 0; }
          .reflow td::before { content: attr(data-label); content: attr(data-label) / ""; display: block; font-weight: 600; }
        }
        @media print {
          .skip, nav { display: none; }
          body { font-size: 11pt; }
          header, main, footer { max-width: none; }
          a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.875em; }
          h1, h2, h3 { break-after: avoid; }
          table, img { break-inside: avoid; }
          .table-scroll { overflow: visible; }
        }
        """;
}
