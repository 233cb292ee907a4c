using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Report;

/// <summary>
/// One line of the report (zestawienie uwag). <see cref="Number"/> (Lp.) is the comment's place in the whole round,
/// in document order, so it stays the same whatever the filter. <see cref="ExternalReference"/> is the sender's own reference of
/// the submission the comment came in (a partner reconciles rows by it and <see cref="CommentId"/>).
/// </summary>
public sealed record ReportRow(
    int Number, Guid CommentId, Guid OrganisationId, string Organisation, string? MemberJst, string? MemberJstName, string? Anchor, string Section,
    string? Quote, string Content, string? ProposedChange, string? Justification, Disposition? Disposition, string DispositionLabel, string? Response,
    string? TakenIntoVersion, int? DuplicateOfNumber, string? ExternalReference);

public sealed record CountByDisposition(Disposition? Disposition, string Label, int Comments);

public sealed record CountByOrganisation(Guid OrganisationId, string Organisation, int Comments);

public sealed record CountBySection(string? Anchor, string Section, int Comments);

public sealed record ReportCounts(
    int Comments, int Duplicates, IReadOnlyList<CountByDisposition> ByDisposition, IReadOnlyList<CountByOrganisation> ByOrganisation,
    IReadOnlyList<CountBySection> BySection);

public sealed record ReportFilter(Guid? OrganisationId, string? Anchor, Disposition? Disposition);

public sealed record ConsultationReportView(
    Guid RoundId, string Title, Guid VersionId, string VersionLabel, string Programme, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    RoundStatus Status, DateTimeOffset? PublishedAt, ReportFilter Filter, ReportCounts Counts, IReadOnlyList<ReportRow> Rows)
{
    public static readonly ConsultationReportView Example = new(
        RoundView.Example.Id, RoundView.Example.Title, RoundView.Example.VersionId, "1.0", "Zarządzanie cyfryzacją szkół w JST",
        RoundView.Example.OpensAt, RoundView.Example.ClosesAt, RoundStatus.ReportPublished, new DateTimeOffset(2024, 4, 30, 10, 0, 0, TimeSpan.Zero),
        new ReportFilter(null, null, null),
        new ReportCounts(1, 0,
            [new(Dispositions.Disposition.PartlyAccepted, "częściowo uwzględniona", 1)],
            [new(Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), "Związek Miast Polskich", 1)],
            [new("modul-2", "2. Cyberbezpieczeństwo szkół (modul-2)", 1)]),
        [
            new(1, Guid.Parse("01936b30-2200-7000-8000-000000000001"), Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), "Związek Miast Polskich",
                "1465", "Warszawa", "modul-2", "2. Cyberbezpieczeństwo szkół (modul-2)",
                "Samorząd opracowuje politykę bezpieczeństwa informacji dla wszystkich szkół.",
                "Moduł nie mówi, kto w JST odpowiada za cyberbezpieczeństwo szkół prowadzonych przez gminę.",
                "Dodać jednostkę o podziale ról między JST, CUW i dyrektorów szkół.", "W małych gminach szkoły nie mają własnych informatyków.",
                Dispositions.Disposition.PartlyAccepted, "częściowo uwzględniona",
                "Dodano akapit o podziale ról w jednostce 2.3; odrębnej jednostki nie tworzymy, by nie wydłużać modułu.", "1.1", null, "ZMP/KONS/2024/017"),
        ]);
}
