using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Advisory.Advisors;

namespace TrainingApi.Features.Advisory.Engagements;

/// <summary>The stages of the advisory process from the guidelines, in order.</summary>
public enum EngagementStage
{
    Diagnosis,
    Plan,
    Support,
    Closure,

    /// <summary>Finished: the closing diagnosis is recorded; nothing changes any more.</summary>
    Closed,
}

/// <summary>
/// One piloted JST's advisory support by one advisor, for one pilot (recruitment). Stages only move forward, one at
/// a time, each when its evidence exists (see <see cref="EngagementRules"/>); hours logged stay within the budget
/// plus the extra hours the team approved.
/// </summary>
public sealed class Engagement : IVersioned
{
    /// <param name="HoursAvailable">The hours left in the budget (with the extra hours approved).</param>
    /// <param name="SessionDate">The date of the session that did not fit.</param>
    public sealed record HoursBudgetExceededMembers(decimal HoursAvailable, DateTimeOffset SessionDate);

    public static readonly ProblemShape<HoursBudgetExceededMembers> HoursBudgetExceeded = new("hours-budget-exceeded");

    private Engagement() { }

    public Engagement(Guid recruitmentId, string jstTeryt, string jstName, Guid advisorId, decimal hoursBudget, Guid? guidelinesVersionId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        RecruitmentId = recruitmentId;
        JstTeryt = jstTeryt;
        JstName = jstName;
        AdvisorId = advisorId;
        HoursBudget = hoursBudget;
        GuidelinesVersionId = guidelinesVersionId;
        Stage = EngagementStage.Diagnosis;
        CreatedAt = now;
        StageChangedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RecruitmentId { get; private set; }

    /// <summary>Canonical TERYT code of the JST.</summary>
    public string JstTeryt { get; private set; } = "";

    public string JstName { get; private set; } = "";
    public Guid AdvisorId { get; private set; }
    public EngagementStage Stage { get; private set; }
    public decimal HoursBudget { get; private set; }
    public decimal ExtraHoursApproved { get; private set; }
    public decimal HoursUsed { get; private set; }

    /// <summary>The programme version whose advisory-guideline sections the plan links to.</summary>
    public Guid? GuidelinesVersionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset StageChangedAt { get; private set; }

    /// <summary>Why a closed engagement ended other than through its stages: <c>jst-withdrew</c>. Null when it closed normally.</summary>
    public string? ClosedReason { get; private set; }

    public uint Version { get; private set; }

    public decimal HoursAvailable => HoursBudget + ExtraHoursApproved - HoursUsed;

    public bool IsClosed => Stage == EngagementStage.Closed;

    public void EnsureOpen()
    {
        if (IsClosed)
        {
            throw Problem.Conflict(new Text($"The engagement with {JstName} is closed; it no longer changes.",
                $"Doradztwo dla {JstName} jest zakończone; nie można go już zmieniać."), "engagement-closed");
        }
    }

    /// <summary>Another advisor takes the engagement over (the caller has checked the new advisor's capacity under its lock).</summary>
    public void ReassignTo(Guid advisorId)
    {
        EnsureOpen();
        AdvisorId = advisorId;
    }

    /// <summary>The JST left the pilot: the engagement closes at whatever stage it was, and frees the advisor's capacity.</summary>
    public void EndBecauseJstWithdrew(DateTimeOffset now)
    {
        EnsureOpen();
        Stage = EngagementStage.Closed;
        StageChangedAt = now;
        ClosedReason = JstWithdrew;
    }

    public const string JstWithdrew = "jst-withdrew";

    public void MoveTo(EngagementStage stage, DateTimeOffset now)
    {
        Stage = stage;
        StageChangedAt = now;
    }

    /// <summary>Hours are counted on the engagement itself, under its row lock, so two sessions cannot both fit the last hour.</summary>
    public void LogHours(decimal hours, DateTimeOffset sessionDate)
    {
        EnsureOpen();
        if (hours > HoursAvailable)
        {
            throw HoursBudgetExceeded.Refuse(ProblemKind.Conflict, new Text(
                $"The session ({hours} h) would pass the hours budget of {JstName}: {HoursBudget} h plus {ExtraHoursApproved} h approved, {HoursUsed} h used. " +
                "The programme team can approve extra hours (POST …/extra-hours).",
                $"Sesja ({hours} godz.) przekroczyłaby budżet godzin dla {JstName}: {HoursBudget} godz. i {ExtraHoursApproved} godz. dodatkowych, wykorzystano {HoursUsed} godz. " +
                "Zespół projektu może zatwierdzić dodatkowe godziny (POST …/extra-hours)."),
                new(HoursAvailable, sessionDate));
        }

        HoursUsed += hours;
    }

    public void ApproveExtraHours(decimal hours)
    {
        EnsureOpen();
        ExtraHoursApproved += hours;
    }
}

public sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.ToTable("engagements", AdvisoryModule.Schema, t => t.HasCheckConstraint("ck_engagements_hours", "hours_used <= hours_budget + extra_hours_approved"));
        builder.HasKey(e => e.Id);
        builder.Ignore(e => e.HoursAvailable);
        builder.Ignore(e => e.IsClosed);
        builder.Property(e => e.JstTeryt).HasMaxLength(7);
        builder.Property(e => e.JstName).HasMaxLength(200);
        builder.Property(e => e.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ClosedReason).HasMaxLength(40);
        builder.Property(e => e.HoursBudget).HasPrecision(7, 2);
        builder.Property(e => e.ExtraHoursApproved).HasPrecision(7, 2);
        builder.Property(e => e.HoursUsed).HasPrecision(7, 2);
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasOne<Advisor>().WithMany().HasForeignKey(e => e.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        // One engagement per JST per pilot, kept by the database.
        builder.HasIndex(e => new { e.RecruitmentId, e.JstTeryt }).IsUnique();
        builder.HasIndex(e => new { e.CreatedAt, e.Id });
    }
}
