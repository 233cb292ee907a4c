namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>Bilingual texts for <see cref="MarkdownSafety"/>, each telling the author what to write instead.</summary>
internal static class SafetyMessages
{
    public const string HtmlBlockEn =
        "Raw HTML blocks are not allowed. Use Markdown (headings, lists, tables); to mark a passage in another language " +
        "write <span lang=\"en\">…</span> on the same line as the text.";

    public const string HtmlBlockPl =
        "Bloki surowego HTML są niedozwolone. Użyj Markdown (nagłówki, listy, tabele); fragment w innym języku oznacz " +
        "znacznikiem <span lang=\"en\">…</span> w tej samej linii co tekst.";

    public const string HtmlInlineEn =
        "This HTML tag is not allowed. The only HTML permitted is <span lang=\"xx\">…</span> with no other attributes; use Markdown for everything else.";

    public const string HtmlInlinePl =
        "Ten znacznik HTML jest niedozwolony. Dopuszczalny jest tylko <span lang=\"xx\">…</span> bez innych atrybutów; do reszty użyj Markdown.";

    public const string UrlEn =
        "This address is not allowed. Links and images may only use http://, https://, mailto:, a relative path or a #fragment.";

    public const string UrlPl =
        "Ten adres jest niedozwolony. Linki i obrazy mogą używać tylko http://, https://, mailto:, ścieżki względnej lub #kotwicy.";

    public const string UnpairedSpanEn =
        "This <span lang> tag has no partner. Open and close the span in the same paragraph, and inside the same emphasis or link.";

    public const string UnpairedSpanPl =
        "Ten znacznik <span lang> nie ma pary. Otwórz i zamknij go w tym samym akapicie, wewnątrz tego samego wyróżnienia lub linku.";
}
