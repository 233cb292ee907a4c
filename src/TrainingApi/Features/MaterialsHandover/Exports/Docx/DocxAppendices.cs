using DocumentFormat.OpenXml;
using TrainingApi.Features.Curriculum.Diff;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// The appendices every document of a release ends with: A, the evidence the release rests on (which path its version took,
/// which pilot and version tested it, whether that evidence is carried from a predecessor, and what changed since); B, the
/// accessibility statement with the same wording as the statement page (<see cref="ReleaseHtml"/>), its waived findings as a
/// table.
/// </summary>
internal static class DocxAppendices
{
    public const string Evidence = "Załącznik A. Podstawa dowodowa";
    public const string Statement = "Załącznik B. Deklaracja dostępności";

    public static void Append(DocxContext context, ReleaseDocument release)
    {
        AppendEvidence(context, release);
        AppendStatement(context, release);
    }

    private static void AppendEvidence(DocxContext context, ReleaseDocument release)
    {
        var body = context.Body;
        body.Add(context.Outline.Heading(1, [DocxRuns.Text(Evidence)]));
        if (release.Evidence is not { } evidence)
        {
            body.Add(DocxRuns.Paragraph("Wydanie zbudowano przed zapisywaniem podstawy dowodowej w wydaniach; jest ona w raporcie wersji programu."));
            return;
        }

        body.Add(Fact("Ścieżka", evidence.Path == "update"
            ? "aktualizacja przetestowanej wersji (mała zmiana bez ponownego pilotażu)"
            : "pełna (konsultacje i pilotaż tej wersji)"));
        if (evidence.UpdateReason is { } reason)
        {
            body.Add(Fact("Powód aktualizacji", reason switch
            {
                "change-in-law" => "zmiana przepisów",
                "change-in-technology" => "zmiana technologii",
                "correction" => "korekta",
                _ => reason,
            }));
        }

        if (evidence.VersionNotes is { Length: > 0 } notes)
        {
            body.Add(Fact("Uwagi do wersji", notes));
        }

        body.Add(Fact("Pilotaż", evidence.PilotRecruitmentId is { } pilot ? $"nabór {pilot}" : "brak"));
        if (evidence.TestedVersionLabel is { } tested)
        {
            body.Add(Fact("Wersja sprawdzona w pilotażu", tested));
        }

        body.Add(Fact("Dowody przeniesione z poprzedniej wersji", evidence.Carried ? "tak" : "nie"));
        if (evidence.PredecessorVersionLabel is not { } predecessor)
        {
            return;
        }

        body.Add(context.Outline.Heading(2, [DocxRuns.Text($"Zmiany względem wersji {predecessor}")]));
        if (evidence.ChangesFromPredecessor.Count == 0)
        {
            body.Add(DocxRuns.Paragraph("Treść sekcji nie zmieniła się."));
            return;
        }

        body.AddRange(DocxTables.Captioned(context, $"Zmiany względem wersji {predecessor}",
            [DocxTables.Cell.Of("Kotwica"), DocxTables.Cell.Of("Sekcja"), DocxTables.Cell.Of("Zmiana"), DocxTables.Cell.Of("Zmienione pola")],
            evidence.ChangesFromPredecessor.Select(change => (IReadOnlyList<DocxTables.Cell>)
            [
                DocxTables.Cell.Of(change.Anchor), DocxTables.Cell.Of(change.TitleAfter ?? change.TitleBefore ?? ""), DocxTables.Cell.Of(Change(change.Change)),
                DocxTables.Cell.Of(string.Join(", ", change.ChangedFields)),
            ])));
    }

    private static string Change(DiffVersions.SectionChange change) => change switch
    {
        DiffVersions.SectionChange.Added => "dodana",
        DiffVersions.SectionChange.Removed => "usunięta",
        DiffVersions.SectionChange.Moved => "przeniesiona",
        DiffVersions.SectionChange.Changed => "zmieniona",
        _ => "przeniesiona i zmieniona",
    };

    private static void AppendStatement(DocxContext context, ReleaseDocument release)
    {
        var statement = release.Accessibility;
        var waived = statement.Waived ?? [];
        var body = context.Body;
        body.Add(context.Outline.Heading(1, [DocxRuns.Text(Statement)]));
        body.Add(DocxRuns.Paragraph($"Operator programu „{release.Programme.Title}” zobowiązuje się zapewnić dostępność jego materiałów " +
                                    "zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. " +
                                    $"Deklaracja dotyczy wydania {release.SemanticVersion} (wersja programu {release.Programme.VersionLabel}). Standard: {statement.Standard}."));
        body.Add(context.Outline.Heading(2, [DocxRuns.Text("Status pod względem zgodności z ustawą")]));
        body.Add(DocxRuns.Paragraph(ReleaseAccessibilityStatement.StatusSentence(statement.Status ?? "")));
        body.Add(context.Outline.Heading(2, [DocxRuns.Text("Treści niedostępne")]));
        if (waived.Count == 0)
        {
            body.Add(DocxRuns.Paragraph("Automatyczna kontrola nie wykazała niezgodności, których nie usunięto."));
        }
        else
        {
            body.AddRange(DocxTables.Captioned(context, "Niezgodności pozostawione z uzasadnieniem",
                [DocxTables.Cell.Of("Miejsce"), DocxTables.Cell.Of("Kryterium i reguła"), DocxTables.Cell.Of("Problem"), DocxTables.Cell.Of("Powód pozostawienia"), DocxTables.Cell.Of("Kto i kiedy")],
                waived.Select(w => (IReadOnlyList<DocxTables.Cell>)
                [
                    DocxTables.Cell.Of($"„{w.Section}”, wiersz {w.Line}"), DocxTables.Cell.Of($"{w.Criterion} ({w.Rule})"), DocxTables.Cell.Of(w.Problem),
                    DocxTables.Cell.Of(w.Reason), DocxTables.Cell.Of($"{w.WaivedBy}, {PolishWording.Date(w.WaivedAt)}"),
                ])));
        }

        // A Polish date ends with "r." already, so no second full stop after it.
        body.Add(context.Outline.Heading(2, [DocxRuns.Text("Przygotowanie deklaracji")]));
        body.Add(DocxRuns.Paragraph($"Deklarację sporządzono {PolishWording.Date(release.BuiltAt)} {statement.Method ?? ""}"));
        body.Add(context.Outline.Heading(2, [DocxRuns.Text("Informacje zwrotne i dane kontaktowe")]));
        body.Add(DocxRuns.Paragraph(statement.Contact ?? ReleaseAccessibilityStatement.DefaultContact));
        body.Add(context.Outline.Heading(2, [DocxRuns.Text("Procedura wnioskowo-skargowa")]));
        body.Add(DocxRuns.Paragraph(ReleaseAccessibilityStatement.Procedure));
    }

    private static OpenXmlElement Fact(string term, string value)
    {
        var paragraph = new DocumentFormat.OpenXml.Wordprocessing.Paragraph(DocxRuns.Text(term + ":", new RunFormat(Bold: true)), DocxRuns.Text(" " + value));
        return paragraph;
    }
}
