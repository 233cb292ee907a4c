using System.IO.Compression;
using System.Net;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Features.Curriculum.Assets;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover;

/// <summary>Versions with chosen content taken to tested, waiving the findings a test names on the way.</summary>
public sealed class AccessibleReleaseSteps(HandoverSteps steps)
{
    private readonly CurriculumSteps curriculum = new(steps.Team);

    /// <summary>
    /// Deliberately difficult content that is accessible: tables (one with a right-aligned number column, one of ten columns that
    /// cannot fit a phone, two with the same headers on one page), nested lists, a described image and a decorative one, links of
    /// every kind, a long unbroken address, a quotation and phrases in English, Ukrainian and German marked with lang, code,
    /// emphasis, headings from ### (module) and #### (unit), hours, outcomes, forms, roles and an act.
    /// </summary>
    public static readonly string DifficultModule = """
        ### Cele i zasady

        Po module uczestnik umie zaplanować zakupy sprzętu dla szkół. Wie też, jak sprawdzić sieć.

        | Część | Forma | Godziny |
        |---|---|---:|
        | Diagnoza szkół | warsztat | 4 |
        | Plan rozwoju | zajęcia online | 2,5 |

        Wyposażenie szkół w gminach partnerskich:

        | Gmina | Szkoły | Uczniowie | Nauczyciele | Łącze (Mb/s) | Punkty Wi-Fi | Tablice interaktywne | Laptopy | Koszt (zł) | Termin zakupu |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---|
        | Lipno | 4 | 1200 | 96 | 300 | 48 | 20 | 150 | 240 000 | marzec 2027 |
        | Rypin | 3 | 900 | 70 | 100 | 30 | 12 | 90 | 180 000 | czerwiec 2027 |

        #### Lista kontrolna

        1. Sprawdź sieć w każdej szkole:
           - łącze od operatora,
           - punkty dostępowe Wi-Fi:
             - w salach lekcyjnych,
             - w bibliotece.
        2. Zbierz opinie dyrektorów.

        ![Mapa gminy z zaznaczonymi szkołami i ich łączami](https://www.example.gov.pl/mapa-gminy.png)

        ![](https://www.example.gov.pl/ornament.svg "dekoracyjny")

        > <span lang="en">Digital transformation is a process, not a purchase.</span>

        Nauczyciele z Ukrainy mówią <span lang="uk">цифровізація школи</span>. W Niemczech mówi się <span lang="de">Digitalisierung der Schulen</span>.

        #### Materiały

        Pobierz [wzór planu rozwoju cyfrowego szkoły (DOCX, 45 kB)](https://www.example.gov.pl/wzor-planu.docx). Przepisy są w [Internetowym Systemie Aktów Prawnych](https://isap.sejm.gov.pl/). Pytania wyślij na adres <szkolenia@example.gov.pl>.

        Wniosek o dofinansowanie złożysz pod adresem <https://www.example.gov.pl/formularze/cyfryzacja-szkol/wniosek-o-dofinansowanie-sprzetu-komputerowego-dla-szkol-podstawowych-i-ponadpodstawowych-2027>.

        Polecenie `ping` pokaże, czy *serwer* odpowiada. To **ważne** przed zakupem.
        """;

    public static readonly string DifficultUnit = """
        #### Ćwiczenie w parach

        Uczestnicy omawiają wyniki ankiety.

        ##### Pytania do dyskusji

        - Co działa dobrze?
        - Czego brakuje?

        Plan ćwiczenia:

        | Część | Forma | Godziny |
        |---|---|---:|
        | Omówienie ankiety | praca w parach | 1 |
        | Podsumowanie | dyskusja | 1 |

        | Szkoła | Łącze (Mb/s) | Punkty Wi-Fi |
        |---|---:|---:|
        | SP 1 | 300 | 12 |
        | SP 2 | 100 | 6 |
        """;

    /// <summary>A tested version with the difficult module, its unit and a guideline; nothing waived.</summary>
    public async Task<VersionView> DifficultVersionAsync()
    {
        var act = await curriculum.ActAsync($"Dz.U. 2024 poz. {Interlocked.Increment(ref position)}", "Ustawa – Prawo oświatowe");
        var version = await curriculum.DraftAsync();
        await Add(version.Id, new
        {
            anchor = "modul-trudny", kind = "module", title = "Moduł 1. Sieć i sprzęt w szkołach", hours = 6.5m, markdown = DifficultModule,
            legalActs = new[] { act.Citation }, deliveryForms = new[] { "workshop", "live-online" }, targetRoles = new[] { "education-department", "school-heads" },
            learningOutcomes = new { knowledge = new[] { "zna elementy sieci szkolnej" }, skills = new[] { "planuje zakupy sprzętu" }, socialCompetences = new[] { "współpracuje z dyrektorami szkół" } },
        });
        await Add(version.Id, new { anchor = "cwiczenie", parentAnchor = "modul-trudny", kind = "unit", title = "Ćwiczenie: wyniki ankiety", hours = 2m, markdown = DifficultUnit });
        await Add(version.Id, new { anchor = "wytyczne", kind = "advisory-guideline", title = "Wytyczne do doradztwa", markdown = "Doradca zaczyna od diagnozy. Potem ustala plan." });
        await ToTestedAsync(version.Id, ["modul-trudny"], _ => false);
        return version;
    }

    /// <summary>
    /// Module text whose findings a reviewer may waive (none the exporter cannot repair): an unmarked English sentence, a vague
    /// link, a bold line standing in for a heading, a generic alt text. Waiving them all gives a statement with a table of four
    /// long rows, too wide for a phone unless it reflows.
    /// </summary>
    public static readonly string WaivableModule = """
        Komisja pisze krótko.

        The school should have a clear plan for its digital transformation.

        Regulamin znajdziesz [pod tym linkiem](https://www.example.gov.pl/regulamin-naboru.pdf).

        **Cele modułu**

        Moduł uczy planowania zakupów.

        ![obrazek](https://www.example.gov.pl/sala.png)
        """;

    /// <summary>
    /// A tested version of one module with <paramref name="markdown"/> and <paramref name="assets"/> uploaded to it, every finding
    /// matching <paramref name="waive"/> waived in review.
    /// </summary>
    public async Task<VersionView> TestedWithWaiversAsync(string markdown, Func<FindingView, bool> waive, params (string Name, byte[] Bytes)[] assets)
    {
        var version = await curriculum.DraftAsync();
        foreach (var (name, bytes) in assets)
        {
            await new AssetSteps(steps.Team).UploadAsync(version.Id, name, bytes);
        }

        await Add(version.Id, new { anchor = "modul-1", kind = "module", title = "Moduł 1. Strategia", markdown });
        await ToTestedAsync(version.Id, ["modul-1"], waive);
        return version;
    }

    private async Task ToTestedAsync(Guid versionId, IReadOnlyList<string> modules, Func<FindingView, bool> waive)
    {
        await curriculum.MoveAlongAsync(versionId, VersionStatus.InReview);
        var report = await (await steps.Team.GetAsync($"/api/v1/versions/{versionId}/accessibility")).ShouldBeAsync<VersionAccessibilityReport>(HttpStatusCode.OK);
        foreach (var finding in report.Findings.Where(waive))
        {
            await (await steps.Team.PostJsonAsync($"/api/v1/versions/{versionId}/accessibility/waivers",
                new { findingId = finding.Id, reason = $"Powód testowy dla reguły {finding.Rule}: cytat pozostawiony w brzmieniu oryginalnym." }))
                .ShouldBeAsync<FindingView>(HttpStatusCode.Created);
        }

        await curriculum.MoveAlongAsync(versionId, VersionStatus.Accessible, VersionStatus.InConsultation, VersionStatus.Revised, VersionStatus.InPilot);
        // Tested rests on evidence: a completed pilot of this version.
        await PilotEvidenceSteps.CompletedPilotAsync(steps.Api, versionId, modules);
        await curriculum.MoveAlongAsync(versionId, VersionStatus.Tested);
    }

    private async Task Add(Guid versionId, object section) =>
        Assert.Equal(HttpStatusCode.Created, (await curriculum.AddAsync(versionId, section)).StatusCode);

    public static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var content = e.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static int position = 5000;
}
