using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public enum ApplicationStatus
{
    Submitted,
    Accepted,
    Waitlisted,
    Rejected,
    Confirmed,
    Withdrawn,
    Completed,

    /// <summary>Promoted from the waiting list in a recruitment with offers: holds a place until it confirms or the offer lapses.</summary>
    Offered,
}

/// <summary>
/// A JST's application to a recruitment. One active application per JST per recruitment, kept by a partial
/// unique index. Its status and waiting-list position are set by conditional statements on the recruitment's
/// counters (see <see cref="SlotAllocation"/>), never by read-then-write.
/// </summary>
public sealed class Application : IVersioned
{
    public static readonly ApplicationStatus[] Inactive = [ApplicationStatus.Withdrawn, ApplicationStatus.Rejected];

    private Application() { }

    public Application(Guid recruitmentId, string jstTeryt, string submittedBy, string? submittedTraceId, string rodoClauseVersion, Questionnaire questionnaire, DateTimeOffset now)
    {
        SubmittedTraceId = submittedTraceId;
        Id = Guid.CreateVersion7(now);
        RecruitmentId = recruitmentId;
        JstTeryt = jstTeryt;
        Status = ApplicationStatus.Submitted;
        SubmittedBy = submittedBy;
        RodoClauseVersion = rodoClauseVersion;
        RodoAcknowledgedAt = now;
        SchoolsRun = questionnaire.SchoolsRun;
        HasDigitalStrategy = questionnaire.HasDigitalStrategy;
        Motivation = questionnaire.Motivation;
        SubmittedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RecruitmentId { get; private set; }

    /// <summary>The canonical TERYT code of the JST (the county code for a city with county rights).</summary>
    public string JstTeryt { get; private set; } = "";

    public ApplicationStatus Status { get; private set; }
    public int? WaitlistPosition { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public string RodoClauseVersion { get; private set; } = "";
    public DateTimeOffset RodoAcknowledgedAt { get; private set; }
    public int SchoolsRun { get; private set; }
    public bool HasDigitalStrategy { get; private set; }
    public string? Motivation { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>
    /// The trace of the request that submitted it, so the placement (made later, by the system, for the submitter)
    /// is audited under the same trace whichever batch or sweep makes it.
    /// </summary>
    public string? SubmittedTraceId { get; private set; }

    /// <summary>Ranked mode: the programme team's score, 0–100, with its reason.</summary>
    public int? Score { get; private set; }

    public string? ScoreNote { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>When the JST took a place, was confirmed and completed the pilot: what the indicator report counts as of a date.</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public uint Version { get; private set; }

    public List<Participant> Participants { get; private set; } = [];

    public Questionnaire Questionnaire => new(SchoolsRun, HasDigitalStrategy, Motivation);

    public void Confirm(DateTimeOffset now)
    {
        Status = ApplicationStatus.Confirmed;
        DecidedAt = now;
        ConfirmedAt = now;
    }

    /// <summary>The JST finished the pilot: only a confirmed application, and the caller has checked the attendance.</summary>
    public void Complete(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Confirmed)
        {
            throw new InvalidOperationException($"Only a confirmed application can be completed; this one is {Status}.");
        }

        Status = ApplicationStatus.Completed;
        DecidedAt = now;
        CompletedAt = now;
    }

    public void Withdraw(string reason, DateTimeOffset now)
    {
        Status = ApplicationStatus.Withdrawn;
        WaitlistPosition = null;
        WithdrawalReason = reason;
        DecidedAt = now;
    }

    /// <summary>Off the waiting list into a place that has come free.</summary>
    public void Promote(DateTimeOffset now)
    {
        Status = ApplicationStatus.Accepted;
        WaitlistPosition = null;
        DecidedAt = now;
        AcceptedAt = now;
    }

    public void MoveUpWaitingList() => WaitlistPosition--;

    public void MoveUpWaitingList(int places) => WaitlistPosition -= places;

    /// <summary>When an offered place lapses unconfirmed (UTC); null unless <see cref="ApplicationStatus.Offered"/>.</summary>
    public DateTimeOffset? OfferExpiresAt { get; private set; }

    /// <summary>Off the waiting list into a place held for it until <paramref name="expiresAt"/>.</summary>
    public void Offer(DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Status = ApplicationStatus.Offered;
        WaitlistPosition = null;
        OfferExpiresAt = expiresAt;
        DecidedAt = now;
    }

    /// <summary>The JST took the offered place in time (the caller checked the time under the recruitment's lock).</summary>
    public void AcceptOffer(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Offered)
        {
            throw new InvalidOperationException($"Only an offered place can be confirmed; this application is {Status}.");
        }

        Status = ApplicationStatus.Accepted;
        OfferExpiresAt = null;
        DecidedAt = now;

        // The place is taken now, not when it was offered: an offer can lapse, and the indicators count places taken.
        AcceptedAt = now;
    }

    public const string OfferLapsedReason = "The offer of a place from the waiting list lapsed unconfirmed.";

    /// <summary>The offer ran out: the application leaves the recruitment, as if withdrawn, and its place goes on.</summary>
    public void LapseOffer(DateTimeOffset now)
    {
        Withdraw(OfferLapsedReason, now);
        OfferExpiresAt = null;
    }

    public void Rate(int score, string? note)
    {
        Score = score;
        ScoreNote = note;
    }

    /// <summary>The outcome of a ranked allocation run.</summary>
    public void Allocate(bool accepted, int? waitlistPosition, DateTimeOffset now)
    {
        Status = accepted ? ApplicationStatus.Accepted : ApplicationStatus.Waitlisted;
        WaitlistPosition = accepted ? null : waitlistPosition;
        DecidedAt = now;
        AcceptedAt = accepted ? now : AcceptedAt;
    }
}

public sealed record Questionnaire(int SchoolsRun, bool HasDigitalStrategy, string? Motivation);

/// <summary>An official the JST sends to the pilot. Name, e-mail and phone are personal data (RODO).</summary>
public sealed class Participant
{
    private Participant() { }

    public Participant(string name, string position, string email, string? phone)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Position = position;
        Email = email;
        Phone = phone;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }

    [PersonalData]
    public string Name { get; private set; } = "";

    public string Position { get; private set; } = "";

    [PersonalData]
    public string Email { get; private set; } = "";

    [PersonalData]
    public string? Phone { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    public const string ErasedMarker = Common.PersonalData.ErasedPersonalData.Marker;

    /// <summary>RODO erasure: the person is gone, the fact that the JST sent someone (counts, statistics) stays.</summary>
    public void Erase(DateTimeOffset now)
    {
        Name = ErasedMarker;
        Email = ErasedMarker;
        Phone = null;
        ErasedAt = now;
    }
}

public sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("applications", PilotEnrollmentModule.Schema);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.JstTeryt).HasMaxLength(7);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.SubmittedBy).HasMaxLength(200);
        builder.Property(a => a.SubmittedTraceId).HasMaxLength(64);
        builder.Property(a => a.RodoClauseVersion).HasMaxLength(50);
        builder.Property(a => a.Motivation).HasMaxLength(2000);
        builder.Property(a => a.WithdrawalReason).HasMaxLength(1000);
        builder.Property(a => a.ScoreNote).HasMaxLength(1000);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.Questionnaire);
        builder.HasOne<Recruitment>().WithMany().HasForeignKey(a => a.RecruitmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One active application per JST per recruitment, whatever the race.
        builder.HasIndex(a => new { a.RecruitmentId, a.JstTeryt }).IsUnique()
            .HasFilter("status NOT IN ('Withdrawn', 'Rejected')").HasDatabaseName("ux_applications_one_active_per_jst");
        // The waiting list, in order. Not unique: renumbering after a withdrawal shifts positions row by row,
        // and PostgreSQL checks a unique index at each row; the recruitment lock keeps positions gapless instead.
        builder.HasIndex(a => new { a.RecruitmentId, a.WaitlistPosition }).HasFilter("status = 'Waitlisted'").HasDatabaseName("ix_applications_waitlist");
        builder.HasIndex(a => new { a.RecruitmentId, a.SubmittedAt, a.Id });
        // What placement reads under the recruitment's lock (SlotAllocation), in its order: only the applications still
        // waiting for their place, so each batch reads its few rows, not every application the recruitment holds.
        builder.HasIndex(a => new { a.RecruitmentId, a.SubmittedAt, a.Id }, "AwaitingPlacement").HasFilter("status = 'Submitted'")
            .HasDatabaseName("ix_applications_awaiting_placement");
        // What the offer sweep looks for.
        builder.HasIndex(a => a.OfferExpiresAt).HasFilter("status = 'Offered'").HasDatabaseName("ix_applications_open_offers");
    }
}

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("participants", PilotEnrollmentModule.Schema);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Position).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Phone).HasMaxLength(30);
        // Requests for a person's data are by e-mail address.
        builder.HasIndex(p => p.Email);
    }
}
