using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>How comments reached us.</summary>
public enum SubmissionSource
{
    /// <summary>Machine to machine, from a partner organisation's system with its API key.</summary>
    PartnerSystem,

    /// <summary>A JST coordinator commenting as that JST.</summary>
    JstCoordinator,

    /// <summary>Entered by the programme team on an organisation's behalf (e.g. gathered at a meeting).</summary>
    ProgrammeTeam,
}

/// <summary>
/// One sending of comments by an organisation to a round: all its comments were stored together or none was.
/// Its audit entry is the record of their creation (the comments themselves are copied in bulk).
/// </summary>
public sealed class Submission
{
    public const int ExternalReferenceMaxLength = 100;
    public const int MaxComments = 500;

    private Submission() { }

    public Submission(Guid id, Guid roundId, Guid organisationId, string? externalReference, SubmissionSource source, Guid? meetingId,
        string submittedBy, DateTimeOffset now, int commentCount, int duplicateCount)
    {
        Id = id;
        RoundId = roundId;
        OrganisationId = organisationId;
        ExternalReference = externalReference;
        Source = source;
        MeetingId = meetingId;
        SubmittedBy = submittedBy;
        SubmittedAt = now;
        UpdatedAt = now;
        CommentCount = commentCount;
        DuplicateCount = duplicateCount;
    }

    public Guid Id { get; private set; }

    /// <summary>Arrival order, given by the database: two submissions in the same microsecond still have an order.</summary>
    public long Sequence { get; private set; }

    public Guid RoundId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The sender's own identifier of this submission, unique per organisation.</summary>
    public string? ExternalReference { get; private set; }

    public SubmissionSource Source { get; private set; }
    public Guid? MeetingId { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public int CommentCount { get; private set; }
    public int DuplicateCount { get; private set; }

    /// <summary>
    /// When the submission or one of its comments last changed: a partner syncing submissions with `updatedSince` finds the
    /// ones whose comments were answered. Moved forward by <see cref="SubmissionStamps"/>, in the transaction of the change.
    /// </summary>
    public DateTimeOffset UpdatedAt { get; private set; }
}

public static class SubmissionStamps
{
    /// <summary>Marks the submissions of changed comments as changed now (one UPDATE, in the caller's transaction).</summary>
    public static Task<int> TouchAsync(TrainingApi.Common.Persistence.TrainingDb db, IReadOnlyCollection<Guid> submissionIds, DateTimeOffset now, CancellationToken ct) =>
        db.Set<Submission>().Where(s => submissionIds.Contains(s.Id) && s.UpdatedAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, now), ct);
}

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions", ConsultationsModule.Schema);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Sequence).UseIdentityAlwaysColumn();
        builder.Property(s => s.ExternalReference).HasMaxLength(Submission.ExternalReferenceMaxLength);
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.SubmittedBy).HasMaxLength(200);
        builder.HasOne<ConsultationRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConsultationMeeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.OrganisationId, s.ExternalReference }).IsUnique().HasFilter("external_reference IS NOT NULL");
        builder.HasIndex(s => new { s.RoundId, s.SubmittedAt, s.Id });
        builder.HasIndex(s => new { s.RoundId, s.UpdatedAt, s.Id });
    }
}
