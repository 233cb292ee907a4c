using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// The styles part: Word's own built-in styles by their built-in names ("heading 1"…, "Title", "toc 1"…, "caption"), so Word's
/// navigation pane, its table of contents, screen readers and PDF export with tags all recognise the outline; the headings carry
/// their outline levels. The document language is Polish in the defaults, so spelling and hyphenation (and a screen reader's
/// voice) follow Polish unless a run says otherwise.
/// </summary>
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Caption = "Caption";
    public const string Quote = "Quote";
    public const string Code = "SourceCode";
    public const string CodeChar = "VerbatimChar";
    public const string Hyperlink = "Hyperlink";
    public const string ListParagraph = "ListParagraph";
    public const string TocHeading = "TOCHeading";
    public const string TableGrid = "TableGrid";
    public const string Language = "pl-PL";

    public static string Heading(int level) => "Heading" + level.ToString(CultureInfo.InvariantCulture);

    public static string Toc(int level) => "TOC" + level.ToString(CultureInfo.InvariantCulture);

    public static Styles Part()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = Language, EastAsia = Language, Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");

        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Append(new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true });
        styles.Append(Paragraph(Title, "Title", new StyleRunProperties(new Bold(), new FontSize { Val = "48" }, new FontSizeComplexScript { Val = "48" }),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }, new ContextualSpacing())));
        styles.Append(Paragraph(Subtitle, "Subtitle", new StyleRunProperties(new Color { Val = "404040" }, new FontSize { Val = "26" }), null));

        // Sizes fall from 16 pt to 11 pt; every heading keeps with the next paragraph so no heading ends a page alone.
        string[] sizes = ["32", "28", "26", "24", "22", "22"];
        for (var level = 1; level <= 6; level++)
        {
            // Schema order of run properties: bold, italic, colour, size.
            var run = new StyleRunProperties(new Bold());
            if (level == 6)
            {
                run.Append(new Italic());
            }

            run.Append(new Color { Val = "1F3864" }, new FontSize { Val = sizes[level - 1] }, new FontSizeComplexScript { Val = sizes[level - 1] });

            var style = Paragraph(Heading(level), "heading " + level.ToString(CultureInfo.InvariantCulture), run,
                new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = level == 1 ? "360" : "240", After = "120" },
                    new OutlineLevel { Val = level - 1 }));
            style.InsertAfter(new NextParagraphStyle { Val = "Normal" }, style.GetFirstChild<BasedOn>());
            style.InsertBefore(new UIPriority { Val = 9 }, style.GetFirstChild<PrimaryStyle>());
            styles.Append(style);
        }

        // The table of contents' own heading has no outline level, so it is not an entry of the contents it heads.
        styles.Append(Paragraph(TocHeading, "TOC Heading", new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "32" }),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" })));
        for (var level = 1; level <= 3; level++)
        {
            styles.Append(Paragraph(Toc(level), "toc " + level.ToString(CultureInfo.InvariantCulture), null,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "100" }, new Indentation { Left = ((level - 1) * 220).ToString(CultureInfo.InvariantCulture) })));
        }

        styles.Append(Paragraph(Caption, "caption", new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "20" }),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "80" })));
        styles.Append(Paragraph(Quote, "Quote", new StyleRunProperties(new Italic(), new Color { Val = "404040" }),
            new StyleParagraphProperties(new Indentation { Left = "720", Right = "720" })));
        styles.Append(Paragraph(ListParagraph, "List Paragraph", null, new StyleParagraphProperties(new Indentation { Left = "720" }, new ContextualSpacing())));
        styles.Append(Paragraph(Code, "Source Code", new StyleRunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas", ComplexScript = "Consolas" },
            new FontSize { Val = "20" }), new StyleParagraphProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" },
            new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));
        styles.Append(new Style(new StyleName { Val = "Verbatim Char" }, new BasedOn { Val = "DefaultParagraphFont" },
            new StyleRunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas", ComplexScript = "Consolas" }, new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" }))
        { Type = StyleValues.Character, StyleId = CodeChar });
        // Word's Hyperlink colour, which has a contrast of 5.9:1 on white (WCAG 1.4.3 asks 4.5:1).
        styles.Append(new Style(new StyleName { Val = "Hyperlink" }, new BasedOn { Val = "DefaultParagraphFont" }, new UIPriority { Val = 99 }, new UnhideWhenUsed(),
            new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
        { Type = StyleValues.Character, StyleId = Hyperlink });
        styles.Append(new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        styles.Append(new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }, new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" }, new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" })))
        { Type = StyleValues.Table, StyleId = TableGrid });
        return styles;
    }

    /// <summary>
    /// The settings part: Polish as the theme's language (what Word offers for new text), and fields left as written — the table of
    /// contents is already filled in, so Word need not ask on opening whether to update it.
    /// </summary>
    public static Settings Settings()
    {
        var settings = new Settings(
            new Zoom { Percent = "100" },
            new DefaultTabStop { Val = 708 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }),
            new ThemeFontLanguages { Val = Language, EastAsia = Language, Bidi = "ar-SA" },
            new DecimalSymbol { Val = "," },
            new ListSeparator { Val = ";" });
        settings.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        return settings;
    }

    private static Style Paragraph(string id, string name, StyleRunProperties? run, StyleParagraphProperties? paragraph)
    {
        var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = id };
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }
}
