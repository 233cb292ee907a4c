using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;

namespace TrainingApi.Features.Consultations.Rounds;

public sealed record RoundView(
    Guid Id, Guid VersionId, Guid ProgrammeId, string VersionLabel, string Title, string? Description,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string OpensAtWarsaw, string ClosesAtWarsaw, RoundStatus Status,
    int Comments, DateTimeOffset? ReportPublishedAt, DateTimeOffset CreatedAt)
{
    public static RoundView From(ConsultationRound r, int comments, DateTimeOffset now) => new(
        r.Id, r.VersionId, r.ProgrammeId, r.VersionLabel, r.Title, r.Description, r.OpensAt, r.ClosesAt,
        WarsawTime.Format(r.OpensAt), WarsawTime.Format(r.ClosesAt), r.StatusAt(now), comments, r.ReportPublishedAt, r.CreatedAt);

    /// <summary>The row version for If-Match, with the status (it moves with the clock) and the count (new comments) for 304s.</summary>
    public string ETag(uint rowVersion) => EntityTags.Format(rowVersion, Status, Comments);

    public static readonly RoundView Example = new(
        Guid.Parse("01936b30-2000-7000-8000-000000000001"), Guid.Parse("01936b30-0000-7000-8000-000000000002"),
        Guid.Parse("01936b30-0000-7000-8000-000000000001"), "1.0", "Konsultacje koncepcji programu szkoleń z ZMP i korporacjami samorządowymi",
        "Uwagi do wersji 1.0 koncepcji programu i wytycznych do doradztwa.",
        new DateTimeOffset(2024, 3, 11, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 4, 12, 13, 59, 0, TimeSpan.Zero),
        "2024-03-11 09:00 (Europe/Warsaw)", "2024-04-12 15:59 (Europe/Warsaw)", RoundStatus.Open, 128, null,
        new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero));
}
