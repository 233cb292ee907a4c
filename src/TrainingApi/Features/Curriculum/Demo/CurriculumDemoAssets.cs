using SkiaSharp;

namespace TrainingApi.Features.Curriculum.Demo;

/// <summary>
/// The demo programme's diagram and attachment: a school network drawn as SVG (shown on the pages, rasterised in the DOCX) and a
/// one-page PDF checklist for accepting a network installation, typeset with Skia's PDF backend.
/// </summary>
public static class CurriculumDemoAssets
{
    public const string DiagramName = "schemat-sieci-szkolnej.svg";
    public const string ChecklistName = "lista-kontrolna-sieci.pdf";

    /// <summary>Where the checklist's link says its size, filled in at load time (the PDF's size depends on the fonts it embeds).</summary>
    public const string ChecklistSize = "{rozmiar-listy-kontrolnej}";

    public const string Diagram = """
        <svg xmlns="http://www.w3.org/2000/svg" width="720" height="360" viewBox="0 0 720 360" font-family="DejaVu Sans, Arial, sans-serif" font-size="15">
          <title>Schemat sieci szkolnej</title>
          <rect x="0" y="0" width="720" height="360" fill="#ffffff"/>
          <g fill="#eef4fa" stroke="#0b4f8a" stroke-width="2">
            <rect x="20" y="150" width="130" height="60" rx="8"/>
            <rect x="200" y="150" width="140" height="60" rx="8"/>
            <rect x="390" y="150" width="130" height="60" rx="8"/>
            <rect x="570" y="40" width="130" height="60" rx="8"/>
            <rect x="570" y="150" width="130" height="60" rx="8"/>
            <rect x="570" y="260" width="130" height="60" rx="8"/>
          </g>
          <g stroke="#1a1a1a" stroke-width="2">
            <line x1="150" y1="180" x2="200" y2="180"/>
            <line x1="340" y1="180" x2="390" y2="180"/>
            <line x1="520" y1="180" x2="570" y2="70"/>
            <line x1="520" y1="180" x2="570" y2="180"/>
            <line x1="520" y1="180" x2="570" y2="290"/>
          </g>
          <g fill="#1a1a1a" text-anchor="middle">
            <text x="85" y="177">Łącze OSE</text>
            <text x="85" y="197">(operator)</text>
            <text x="270" y="177">Router</text>
            <text x="270" y="197">z zaporą</text>
            <text x="455" y="177">Przełącznik</text>
            <text x="455" y="197">w szafie</text>
            <text x="635" y="67">Punkty dostępowe</text>
            <text x="635" y="87">w salach</text>
            <text x="635" y="177">Pracownia</text>
            <text x="635" y="197">komputerowa</text>
            <text x="635" y="287">Sieć dla gości</text>
            <text x="635" y="307">(osobna VLAN)</text>
          </g>
        </svg>
        """;

    public static readonly string[] ChecklistLines =
    [
        "Lista kontrolna odbioru sieci w szkole",
        "",
        "1. Łącze do budynku: co najmniej 100 Mb/s, potwierdzone pomiarem.",
        "2. Wi-Fi: zasięg w każdej sali lekcyjnej, raport z pomiaru po instalacji.",
        "3. Sieć dla gości oddzielona od sieci szkoły (osobna VLAN i hasło).",
        "4. Szafa teletechniczna zamknięta, opisane okablowanie i porty.",
        "5. Konta administratorów imienne, hasła w sejfie gminy.",
        "6. Dokumentacja powykonawcza i gwarancja przekazane dyrektorowi.",
        "",
        "Materiał programu szkoleń dla JST (dane demonstracyjne).",
    ];

    /// <summary>An A4 page of the checklist, in Polish with its own letters (the font is embedded), dated so two loads give the same file.</summary>
    public static byte[] ChecklistPdf()
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = ChecklistLines[0],
            Author = "Zespół programu",
            Creation = new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc),
            Modified = new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc),
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(595, 842);
            using var typeface = SKFontManager.Default.MatchCharacter('ł') ?? SKTypeface.Default;
            using var title = new SKFont(typeface, 18);
            using var body = new SKFont(typeface, 12);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var y = 80f;
            foreach (var (line, index) in ChecklistLines.Select((line, index) => (line, index)))
            {
                canvas.DrawText(line, 60, y, SKTextAlign.Left, index == 0 ? title : body, ink);
                y += index == 0 ? 34 : 22;
            }

            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }
}
