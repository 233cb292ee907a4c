using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>Where a comment stands, as its author sees it.</summary>
public enum CommentStatus
{
    /// <summary>Received; the experts have not answered yet.</summary>
    AwaitingDisposition,

    Disposed,

    /// <summary>Accepted (fully or partly) and worked into a later version of the programme.</summary>
    TakenIn,
}

/// <summary>
/// One comment of a submission, anchored to a section of the consulted version (or general when the anchor is
/// null). Inserted in bulk by <see cref="CommentCopy"/>; afterwards changed only by a disposition, through here.
/// </summary>
public sealed class Comment : IVersioned
{
    public const int ContentMaxLength = 4000;
    public const int QuoteMaxLength = 2000;
    public const int ProposedChangeMaxLength = 4000;
    public const int JustificationMaxLength = 4000;
    public const int ResponseMaxLength = 4000;

    private Comment() { }

    public Comment(Guid id, Guid submissionId, Guid roundId, Guid organisationId, int position, string? anchor, string? quote, string content,
        string? proposedChange, string? justification, string? memberJstTeryt, string? memberJstName, byte[] fingerprint, Guid? duplicateOfId,
        DateTimeOffset submittedAt)
    {
        Id = id;
        SubmissionId = submissionId;
        RoundId = roundId;
        OrganisationId = organisationId;
        Position = position;
        Anchor = anchor;
        Quote = quote;
        Content = content;
        ProposedChange = proposedChange;
        Justification = justification;
        MemberJstTeryt = memberJstTeryt;
        MemberJstName = memberJstName;
        Fingerprint = fingerprint;
        DuplicateOfId = duplicateOfId;
        SubmittedAt = submittedAt;
        UpdatedAt = submittedAt;
    }

    public Guid Id { get; private set; }
    public Guid SubmissionId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>1-based place in its submission.</summary>
    public int Position { get; private set; }

    /// <summary>The section anchor in the consulted version; null for a general comment.</summary>
    public string? Anchor { get; private set; }

    public string? Quote { get; private set; }
    public string Content { get; private set; } = "";
    public string? ProposedChange { get; private set; }
    public string? Justification { get; private set; }

    /// <summary>The member JST an association speaks for (canonical TERYT code), with its name from the register.</summary>
    public string? MemberJstTeryt { get; private set; }

    public string? MemberJstName { get; private set; }

    /// <summary>See <see cref="CommentFingerprint"/>: the same comment sent again by the same organisation to the same round has the same one.</summary>
    public byte[] Fingerprint { get; private set; } = [];

    /// <summary>The earlier comment of the same organisation with the same text on the same anchor; kept, not dropped.</summary>
    public Guid? DuplicateOfId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
    public Disposition? Disposition { get; private set; }
    public string? Response { get; private set; }
    public string? DisposedBy { get; private set; }
    public DateTimeOffset? DisposedAt { get; private set; }
    public Guid? TakenIntoVersionId { get; private set; }
    public string? TakenIntoVersionLabel { get; private set; }
    public DateTimeOffset? TakenInAt { get; private set; }

    /// <summary>When the comment last changed (arrival, a disposition, taken in): what `updatedSince` reads.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public CommentStatus Status =>
        TakenIntoVersionId is not null ? CommentStatus.TakenIn
        : Disposition is not null ? CommentStatus.Disposed
        : CommentStatus.AwaitingDisposition;

    /// <summary>The experts' answer; it may be revised until the round's report is published.</summary>
    public void Answer(ConsultationRound round, Disposition disposition, string response, string by, DateTimeOffset now)
    {
        round.EnsureNotPublished();
        if (TakenIntoVersionId is not null && disposition is not (Dispositions.Disposition.Accepted or Dispositions.Disposition.PartlyAccepted))
        {
            throw Problem.Conflict(new Text(
                $"The comment was taken into version {TakenIntoVersionLabel}; it can only stay accepted or partly accepted.",
                $"Uwagę uwzględniono w wersji {TakenIntoVersionLabel}; może pozostać tylko uwzględniona lub częściowo uwzględniona."), "comment-taken-in");
        }

        Disposition = disposition;
        Response = response;
        DisposedBy = by;
        DisposedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Records the version where an accepted comment was worked in (after the round, when the draft is revised).</summary>
    public void TakeInto(Guid versionId, string versionLabel, DateTimeOffset now)
    {
        if (Disposition is not (Dispositions.Disposition.Accepted or Dispositions.Disposition.PartlyAccepted))
        {
            throw Problem.Conflict(new Text(
                "Only an accepted or partly accepted comment is taken into a version; dispose it first.",
                "W wersji uwzględnia się tylko uwagę uwzględnioną lub częściowo uwzględnioną; najpierw zajmij stanowisko."), "comment-not-accepted");
        }

        TakenIntoVersionId = versionId;
        TakenIntoVersionLabel = versionLabel;
        TakenInAt = now;
        UpdatedAt = now;
    }
}

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("comments", ConsultationsModule.Schema);
        builder.HasKey(c => c.Id);
        builder.Ignore(c => c.Status);
        builder.Property(c => c.Anchor).HasMaxLength(100);
        builder.Property(c => c.Quote).HasMaxLength(Comment.QuoteMaxLength);
        builder.Property(c => c.Content).HasMaxLength(Comment.ContentMaxLength);
        builder.Property(c => c.ProposedChange).HasMaxLength(Comment.ProposedChangeMaxLength);
        builder.Property(c => c.Justification).HasMaxLength(Comment.JustificationMaxLength);
        builder.Property(c => c.MemberJstTeryt).HasMaxLength(7);
        builder.Property(c => c.MemberJstName).HasMaxLength(200);
        builder.Property(c => c.Disposition).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Response).HasMaxLength(Comment.ResponseMaxLength);
        builder.Property(c => c.DisposedBy).HasMaxLength(200);
        builder.Property(c => c.TakenIntoVersionLabel).HasMaxLength(20);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<Submission>().WithMany().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConsultationRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SubmissionId, c.Position }).IsUnique();
        // One original per fingerprint (submissions of an organisation to a round run one at a time): the duplicate lookup
        // finds at most one row per fingerprint, and PostgreSQL knows it from the unique index, statistics or not.
        builder.HasIndex(c => c.Fingerprint, "ix_comments_fingerprint_original").IsUnique().HasFilter("duplicate_of_id IS NULL");
        builder.HasIndex(c => new { c.RoundId, c.SubmittedAt, c.Id });
        builder.HasIndex(c => new { c.RoundId, c.UpdatedAt, c.Id });
    }
}
