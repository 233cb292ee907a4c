using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Invitations;

public enum InvitationStatus
{
    Invited,
    Opened,
    Submitted,
    Revoked,
    Expired,
}

/// <summary>
/// A capability link for one respondent of one role. The secret is shown once when the invitation is made and kept
/// only as its SHA-256, so nobody (the team included) can read a link back. It records when it was opened and
/// submitted, never what was answered: the draft lives in <see cref="Responding.AnswerDraft"/> until submission and
/// the submitted answers in <see cref="Responding.Submission"/>, which does not point back here.
/// </summary>
public sealed class Invitation : IVersioned
{
    private Invitation() { }

    public Invitation(Guid roundId, RespondentRole role, string? name, byte[] tokenHash, DateTimeOffset expiresAt, string createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        RoundId = roundId;
        Role = role;
        Name = name;
        TokenHash = tokenHash;
        ExpiresAt = expiresAt;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public RespondentRole Role { get; private set; }

    /// <summary>Only in a round with named respondents.</summary>
    [PersonalData]
    public string? Name { get; private set; }

    public byte[] TokenHash { get; private set; } = [];
    public DateTimeOffset ExpiresAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public uint Version { get; private set; }

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        SubmittedAt is not null ? InvitationStatus.Submitted
        : RevokedAt is not null ? InvitationStatus.Revoked
        : ExpiresAt <= now ? InvitationStatus.Expired
        : OpenedAt is not null ? InvitationStatus.Opened
        : InvitationStatus.Invited;

    public void MarkOpened(DateTimeOffset now) => OpenedAt ??= now;

    public void MarkSubmitted(DateTimeOffset now)
    {
        OpenedAt ??= now;
        SubmittedAt = now;
    }

    /// <summary>Revoking a submitted link changes nothing: its answers are already part of the round.</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (SubmittedAt is not null || RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        return true;
    }

    public void EraseName() => Name = Common.PersonalData.ErasedPersonalData.Marker;
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations", SelfAssessmentModule.Schema);
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.TokenHash).HasMaxLength(32);
        builder.Property(i => i.CreatedBy).HasMaxLength(200);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasOne<AssessmentRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.RoundId, i.CreatedAt, i.Id });
    }
}
