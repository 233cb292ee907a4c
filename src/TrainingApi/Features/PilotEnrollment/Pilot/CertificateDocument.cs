using System.Globalization;
using System.Net;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

/// <summary>
/// The certificate as an accessible HTML page in Polish: lang="pl", one h1, the facts as a description list, a print
/// style, no images or scripts (nothing a screen reader cannot read), dates written out in Polish.
/// </summary>
public static class CertificateDocument
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    /// <summary>"21 listopada 2024 r." — the genitive month names the culture gives a day-month-year pattern.</summary>
    public static string PolishDate(DateOnly date) => date.ToString("d MMMM yyyy", Polish) + " r.";

    public static string Render(string name, string jstName, string programmeTitle, DateOnly completedOn, string printedCode, string verificationUrl)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        return $$"""
            <!DOCTYPE html>
            <html lang="pl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Zaświadczenie o ukończeniu szkolenia — {{E(name)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
            dt { font-weight: bold; margin-top: .75rem; }
            dd { margin-left: 0; }
            @media print { body { margin: 0; } }
            </style>
            </head>
            <body>
            <main>
            <h1>Zaświadczenie o ukończeniu szkolenia</h1>
            <p>Zaświadcza się, że <strong>{{E(name)}}</strong>, reprezentujący(-a) {{E(jstName)}}, ukończył(a) szkolenie w ramach pilotażu programu.</p>
            <dl>
            <dt>Program szkolenia</dt>
            <dd>{{E(programmeTitle)}}</dd>
            <dt>Data ukończenia</dt>
            <dd><time datetime="{{completedOn:yyyy-MM-dd}}">{{E(PolishDate(completedOn))}}</time></dd>
            <dt>Kod weryfikacyjny</dt>
            <dd><code>{{E(printedCode)}}</code></dd>
            </dl>
            <h2>Weryfikacja</h2>
            <p>Autentyczność zaświadczenia można sprawdzić pod adresem <a href="{{E(verificationUrl)}}">{{E(verificationUrl)}}</a>, podając kod weryfikacyjny.</p>
            <p>Ośrodek Rozwoju Edukacji</p>
            </main>
            </body>
            </html>

            """;
    }
}
