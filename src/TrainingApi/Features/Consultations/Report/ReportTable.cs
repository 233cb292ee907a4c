using System.Globalization;

namespace TrainingApi.Features.Consultations.Report;

/// <summary>
/// The report as a table with the Polish headers of a zestawienie uwag, shared by the CSV and the XLSX so both
/// always have the same columns in the same order. Each row carries the comment's id and the sender's reference of its
/// submission, so a partner matches the report to its own records.
/// </summary>
public static class ReportTable
{
    public static readonly (string Header, double Width)[] Columns =
    [
        ("Lp.", 6), ("Id uwagi", 38), ("Zgłaszający", 30), ("Sygnatura zgłaszającego", 22), ("W imieniu JST", 26), ("Część dokumentu", 32), ("Cytowany fragment", 40), ("Treść uwagi", 60),
        ("Propozycja zmiany", 50), ("Uzasadnienie", 50), ("Stanowisko", 22), ("Odpowiedź", 60), ("Uwzględniono w wersji", 12), ("Duplikat uwagi Lp.", 10),
    ];

    public static IEnumerable<IDictionary<string, object?>> Rows(IEnumerable<ReportRow> rows) =>
        rows.Select(r => Row(
            r.Number, r.CommentId.ToString(), r.Organisation, r.ExternalReference, r.MemberJst is null ? null : $"{r.MemberJstName} ({r.MemberJst})", r.Section, r.Quote,
            r.Content, r.ProposedChange, r.Justification, r.DispositionLabel, r.Response, r.TakenIntoVersion, r.DuplicateOfNumber));

    /// <summary>The counts as rows of a second table: category, value, number of comments.</summary>
    public static IEnumerable<IDictionary<string, object?>> Summary(ConsultationReportView report)
    {
        IEnumerable<(string Category, string Value, int Count)> lines =
        [
            ("Razem", "wszystkie uwagi", report.Counts.Comments),
            ("Razem", "w tym oznaczone jako duplikaty", report.Counts.Duplicates),
            .. report.Counts.ByDisposition.Select(d => ("Stanowisko", d.Label, d.Comments)),
            .. report.Counts.ByOrganisation.Select(o => ("Zgłaszający", o.Organisation, o.Comments)),
            .. report.Counts.BySection.Select(s => ("Część dokumentu", s.Section, s.Comments)),
        ];
        return lines.Select(l => (IDictionary<string, object?>)new Dictionary<string, object?> { ["Kategoria"] = l.Category, ["Wartość"] = l.Value, ["Liczba uwag"] = l.Count });
    }

    public static string Title(ConsultationReportView report) => string.Create(CultureInfo.InvariantCulture,
        $"Zestawienie uwag: {report.Title}, wersja {report.VersionLabel}");

    private static IDictionary<string, object?> Row(params object?[] values)
    {
        var row = new Dictionary<string, object?>(Columns.Length);
        for (var i = 0; i < Columns.Length; i++)
        {
            row[Columns[i].Header] = values[i];
        }

        return row;
    }
}
