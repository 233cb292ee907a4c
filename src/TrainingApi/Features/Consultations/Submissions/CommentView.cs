using TrainingApi.Common.Http;
using TrainingApi.Features.Consultations.Dispositions;

namespace TrainingApi.Features.Consultations.Submissions;

public sealed record VersionReference(Guid Id, string Label);

/// <summary>A comment with its disposition, as its sender and the team see it.</summary>
public sealed record CommentView(
    Guid Id, Guid RoundId, Guid SubmissionId, Guid OrganisationId, int Position, string? Anchor, string? Quote, string Content,
    string? ProposedChange, string? Justification, string? MemberJst, string? MemberJstName, Guid? DuplicateOf, DateTimeOffset SubmittedAt,
    CommentStatus Status, Disposition? Disposition, string? Response, DateTimeOffset? DisposedAt, VersionReference? TakenIntoVersion,
    DateTimeOffset UpdatedAt, string Etag)
{
    /// <param name="c">The comment; its row version becomes <see cref="Etag"/>, the value If-Match and bulk dispositions take.</param>
    public static CommentView From(Comment c) => new(
        c.Id, c.RoundId, c.SubmissionId, c.OrganisationId, c.Position, c.Anchor, c.Quote, c.Content, c.ProposedChange, c.Justification,
        c.MemberJstTeryt, c.MemberJstName, c.DuplicateOfId, c.SubmittedAt, c.Status, c.Disposition, c.Response, c.DisposedAt,
        c.TakenIntoVersionId is { } v ? new VersionReference(v, c.TakenIntoVersionLabel!) : null, c.UpdatedAt, EntityTags.Format(c.Version));

    public static readonly CommentView Example = new(
        Guid.Parse("01936b30-2200-7000-8000-000000000001"), Guid.Parse("01936b30-2000-7000-8000-000000000001"),
        Guid.Parse("01936b30-2100-7000-8000-000000000001"), Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), 1, "modul-2",
        "Samorząd opracowuje politykę bezpieczeństwa informacji dla wszystkich szkół.",
        "Moduł nie mówi, kto w JST odpowiada za cyberbezpieczeństwo szkół prowadzonych przez gminę.",
        "Dodać jednostkę o podziale ról między JST, CUW i dyrektorów szkół.", "W małych gminach szkoły nie mają własnych informatyków.",
        "1465", "Warszawa", null, new DateTimeOffset(2024, 3, 25, 10, 15, 0, TimeSpan.Zero), CommentStatus.Disposed, Dispositions.Disposition.PartlyAccepted,
        "Dodano akapit o podziale ról w jednostce 2.3; odrębnej jednostki nie tworzymy, by nie wydłużać modułu.",
        new DateTimeOffset(2024, 4, 20, 12, 0, 0, TimeSpan.Zero), null, new DateTimeOffset(2024, 4, 20, 12, 0, 0, TimeSpan.Zero), "\"1234567\"");
}
