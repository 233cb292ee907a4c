using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public enum SessionMode
{
    InPerson,
    LiveOnline,
    ELearning,
    Workshop,
    Blended,
}

/// <summary>A training group of the pilot: the participants of some accepted JST, trained together.</summary>
public sealed class Cohort
{
    private Cohort() { }

    public Cohort(Guid recruitmentId, string name, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        RecruitmentId = recruitmentId;
        Name = name;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RecruitmentId { get; private set; }
    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public List<CohortApplication> Applications { get; private set; } = [];
}

/// <summary>A JST's application placed in a cohort; its participants are the cohort's members. One cohort per application.</summary>
public sealed class CohortApplication
{
    private CohortApplication() { }

    public CohortApplication(Guid applicationId) => ApplicationId = applicationId;

    public Guid CohortId { get; private set; }
    public Guid ApplicationId { get; private set; }
}

/// <summary>One training session of a cohort on one module of the programme (by its stable anchor).</summary>
public sealed class TrainingSession
{
    private TrainingSession() { }

    public TrainingSession(Guid cohortId, string moduleAnchor, DateTimeOffset startsAt, int durationMinutes, SessionMode mode, string trainer, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CohortId = cohortId;
        ModuleAnchor = moduleAnchor;
        StartsAt = startsAt;
        DurationMinutes = durationMinutes;
        Mode = mode;
        Trainer = trainer;
    }

    public Guid Id { get; private set; }
    public Guid CohortId { get; private set; }
    public string ModuleAnchor { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }
    public SessionMode Mode { get; private set; }
    public string Trainer { get; private set; } = "";

    /// <summary>Where it takes place (in person), as the team writes it: an address, a room.</summary>
    public string? Place { get; private set; }

    /// <summary>How to join it online.</summary>
    public string? Link { get; private set; }

    public void SetVenue(string? place, string? link)
    {
        Place = place;
        Link = link;
    }
}

/// <summary>How a participant attended a session; absence is recorded as no row.</summary>
public enum AttendanceState
{
    Present,
    Late,
    Excused,
    Absent,
}

/// <summary>A participant was at a session (present or late) or excused from it; absence is the lack of a row.</summary>
public sealed class Attendance
{
    private Attendance() { }

    public Attendance(Guid sessionId, Guid participantId, AttendanceState state = AttendanceState.Present)
    {
        if (state == AttendanceState.Absent)
        {
            throw new ArgumentException("Absence is recorded as no row.", nameof(state));
        }

        SessionId = sessionId;
        ParticipantId = participantId;
        State = state;
    }

    public Guid SessionId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public AttendanceState State { get; private set; }

    public void Set(AttendanceState state) =>
        State = state == AttendanceState.Absent ? throw new ArgumentException("Absence is recorded as no row.", nameof(state)) : state;
}

/// <summary>One evaluation of one module: knowledge test before and after (0–100), satisfaction (1–5), a comment. Anonymous.</summary>
public sealed class ModuleEvaluation
{
    public const int CommentMaxLength = 2000;

    private ModuleEvaluation() { }

    public ModuleEvaluation(Guid cohortId, string moduleAnchor, int? preScore, int? postScore, int? satisfaction, string? comment, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CohortId = cohortId;
        ModuleAnchor = moduleAnchor;
        PreScore = preScore;
        PostScore = postScore;
        Satisfaction = satisfaction;
        Comment = comment;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CohortId { get; private set; }
    public string ModuleAnchor { get; private set; } = "";
    public int? PreScore { get; private set; }
    public int? PostScore { get; private set; }
    public int? Satisfaction { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

public sealed class PilotConfigurations :
    IEntityTypeConfiguration<Cohort>, IEntityTypeConfiguration<CohortApplication>, IEntityTypeConfiguration<TrainingSession>,
    IEntityTypeConfiguration<Attendance>, IEntityTypeConfiguration<ModuleEvaluation>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.ToTable("cohorts", PilotEnrollmentModule.Schema);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => new { c.RecruitmentId, c.Name }).IsUnique();
        builder.HasOne<Recruitment>().WithMany().HasForeignKey(c => c.RecruitmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Applications).WithOne().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CohortApplication> builder)
    {
        builder.ToTable("cohort_applications", PilotEnrollmentModule.Schema);
        builder.HasKey(a => new { a.CohortId, a.ApplicationId });
        // An application's participants train in one cohort.
        builder.HasIndex(a => a.ApplicationId).IsUnique();
        builder.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("training_sessions", PilotEnrollmentModule.Schema);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ModuleAnchor).HasMaxLength(100);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Trainer).HasMaxLength(200);
        builder.Property(s => s.Place).HasMaxLength(300);
        builder.Property(s => s.Link).HasMaxLength(500);
        builder.HasIndex(s => new { s.CohortId, s.StartsAt });
        builder.HasOne<Cohort>().WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("attendance", PilotEnrollmentModule.Schema);
        builder.HasKey(a => new { a.SessionId, a.ParticipantId });
        // Rows from before the states existed were "present".
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20).HasDefaultValue(AttendanceState.Present).HasSentinel(AttendanceState.Absent);
        builder.HasIndex(a => a.ParticipantId);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ModuleEvaluation> builder)
    {
        builder.ToTable("module_evaluations", PilotEnrollmentModule.Schema, t =>
        {
            t.HasCheckConstraint("ck_module_evaluations_scores", "(pre_score IS NULL OR pre_score BETWEEN 0 AND 100) AND (post_score IS NULL OR post_score BETWEEN 0 AND 100)");
            t.HasCheckConstraint("ck_module_evaluations_satisfaction", "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5");
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ModuleAnchor).HasMaxLength(100);
        builder.Property(e => e.Comment).HasMaxLength(ModuleEvaluation.CommentMaxLength);
        builder.HasIndex(e => new { e.CohortId, e.ModuleAnchor });
        builder.HasOne<Cohort>().WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
