using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Plans;

public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>A goal of a JST's development plan, linked to maturity areas and to sections of the advisory guidelines.</summary>
public sealed class PlanGoal
{
    public const int TitleMaxLength = 300;

    private PlanGoal() { }

    public PlanGoal(Guid engagementId, string title, IReadOnlyList<string> areas, IReadOnlyList<string> guidelineAnchors, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        EngagementId = engagementId;
        Title = title;
        Areas = [.. areas];
        GuidelineAnchors = [.. guidelineAnchors];
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EngagementId { get; private set; }
    public string Title { get; private set; } = "";
    public List<string> Areas { get; private set; } = [];
    public List<string> GuidelineAnchors { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// An action towards a goal: who owns it, by when, and where it stands. An action owned by the JST's coordinator is the
/// one thing in an engagement the coordinator may change (its status).
/// </summary>
public sealed class PlanAction : IVersioned
{
    public const int TitleMaxLength = 300;

    private PlanAction() { }

    public PlanAction(Guid goalId, Guid engagementId, string title, string owner, bool ownedByCoordinator, DateOnly deadline, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        GoalId = goalId;
        EngagementId = engagementId;
        Title = title;
        Owner = owner;
        OwnedByCoordinator = ownedByCoordinator;
        Deadline = deadline;
        Status = ActionStatus.Planned;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid GoalId { get; private set; }
    public Guid EngagementId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Who is responsible (a role or unit, e.g. "Wydział Edukacji"), as the plan says it.</summary>
    public string Owner { get; private set; } = "";

    public bool OwnedByCoordinator { get; private set; }
    public DateOnly Deadline { get; private set; }
    public ActionStatus Status { get; private set; }
    public string? StatusNote { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>Past its deadline (in Warsaw) and neither done nor cancelled.</summary>
    public bool IsOverdueOn(DateOnly today) => Deadline < today && Status is ActionStatus.Planned or ActionStatus.InProgress;

    public void SetStatus(ActionStatus status, string? note, DateTimeOffset now)
    {
        Status = status;
        StatusNote = note;
        UpdatedAt = now;
    }
}

public sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> builder)
    {
        builder.ToTable("plan_goals", AdvisoryModule.Schema);
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Title).HasMaxLength(PlanGoal.TitleMaxLength);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(g => g.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.EngagementId, g.CreatedAt });
    }
}

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("plan_actions", AdvisoryModule.Schema);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(PlanAction.TitleMaxLength);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.StatusNote).HasMaxLength(2000);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne<PlanGoal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EngagementId, a.Deadline });
        builder.HasIndex(a => new { a.Deadline, a.Status });
    }
}
