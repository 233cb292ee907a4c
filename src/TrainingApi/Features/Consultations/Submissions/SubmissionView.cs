using TrainingApi.Features.Consultations.Dispositions;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>A comment as listed in its submission: enough to match it to the sender's own records and follow its status.</summary>
public sealed record CommentBrief(Guid Id, int Position, string? Anchor, Guid? DuplicateOf, CommentStatus Status, Disposition? Disposition)
{
    public static CommentBrief From(Comment c) => new(c.Id, c.Position, c.Anchor, c.DuplicateOfId, c.Status, c.Disposition);
}

public sealed record SubmissionView(
    Guid Id, Guid RoundId, Guid OrganisationId, string? ExternalReference, SubmissionSource Source, Guid? MeetingId, DateTimeOffset SubmittedAt,
    int CommentCount, int DuplicateCount, IReadOnlyList<CommentBrief> Comments)
{
    public static SubmissionView From(Submission s, IEnumerable<Comment> comments) => new(
        s.Id, s.RoundId, s.OrganisationId, s.ExternalReference, s.Source, s.MeetingId, s.SubmittedAt, s.CommentCount, s.DuplicateCount,
        [.. comments.OrderBy(c => c.Position).Select(CommentBrief.From)]);

    public static readonly SubmissionView Example = new(
        Guid.Parse("01936b30-2100-7000-8000-000000000001"), Guid.Parse("01936b30-2000-7000-8000-000000000001"),
        Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), "ZMP/KONS/2024/017", SubmissionSource.PartnerSystem, null,
        new DateTimeOffset(2024, 3, 25, 10, 15, 0, TimeSpan.Zero), 2, 0,
        [
            new(Guid.Parse("01936b30-2200-7000-8000-000000000001"), 1, "modul-2", null, CommentStatus.AwaitingDisposition, null),
            new(Guid.Parse("01936b30-2200-7000-8000-000000000002"), 2, null, null, CommentStatus.AwaitingDisposition, null),
        ]);
}

/// <summary>A submission in a list, without its comments.</summary>
public sealed record SubmissionSummary(
    Guid Id, Guid RoundId, Guid OrganisationId, string? ExternalReference, SubmissionSource Source, Guid? MeetingId, DateTimeOffset SubmittedAt,
    int CommentCount, int DuplicateCount, DateTimeOffset UpdatedAt)
{
    public static SubmissionSummary From(Submission s) => new(
        s.Id, s.RoundId, s.OrganisationId, s.ExternalReference, s.Source, s.MeetingId, s.SubmittedAt, s.CommentCount, s.DuplicateCount, s.UpdatedAt);

    public static readonly SubmissionSummary Example = new(SubmissionView.Example.Id, SubmissionView.Example.RoundId, SubmissionView.Example.OrganisationId,
        SubmissionView.Example.ExternalReference, SubmissionView.Example.Source, null, SubmissionView.Example.SubmittedAt, 2, 0,
        new DateTimeOffset(2024, 4, 20, 12, 0, 0, TimeSpan.Zero));
}
