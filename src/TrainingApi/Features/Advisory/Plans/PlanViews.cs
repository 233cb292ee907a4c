using TrainingApi.Common.Localization;

namespace TrainingApi.Features.Advisory.Plans;

public sealed record PlanActionView(
    Guid Id, Guid GoalId, Guid EngagementId, string Title, string Owner, bool OwnedByCoordinator, DateOnly Deadline, ActionStatus Status,
    string? StatusNote, bool Overdue, DateTimeOffset UpdatedAt)
{
    public static PlanActionView From(PlanAction a, DateOnly today) => new(
        a.Id, a.GoalId, a.EngagementId, a.Title, a.Owner, a.OwnedByCoordinator, a.Deadline, a.Status, a.StatusNote, a.IsOverdueOn(today), a.UpdatedAt);

    public static readonly PlanActionView Example = new(Guid.Parse("01936b30-3400-7000-8000-000000000001"), Guid.Parse("01936b30-3300-7000-8000-000000000001"),
        Guid.Parse("01936b30-3100-7000-8000-000000000001"), "Przyjąć wspólną politykę kopii zapasowych dla szkół", "Wydział Edukacji (koordynator)", true,
        new DateOnly(2024, 10, 31), ActionStatus.InProgress, "Projekt uzgodniony z dyrektorami.", false, new DateTimeOffset(2024, 9, 2, 10, 0, 0, TimeSpan.Zero));
}

public sealed record PlanGoalView(Guid Id, Guid EngagementId, string Title, IReadOnlyList<string> Areas, IReadOnlyList<string> GuidelineAnchors,
    IReadOnlyList<PlanActionView> Actions)
{
    public static readonly PlanGoalView Example = new(PlanActionView.Example.GoalId, PlanActionView.Example.EngagementId,
        "Szkoły odtwarzają dane po incydencie w ciągu jednego dnia", ["cyberbezpieczenstwo"], ["wytyczne-2"], [PlanActionView.Example]);
}

public sealed record PlanView(Guid EngagementId, IReadOnlyList<PlanGoalView> Goals, int Actions, int Done, int Overdue)
{
    public static readonly PlanView Example = new(PlanActionView.Example.EngagementId, [PlanGoalView.Example], 1, 0, 0);
}

public static class PlanDates
{
    /// <summary>Deadlines are dates in Warsaw: an action is overdue from the day after its deadline there.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(WarsawTime.ToWarsaw(clock.GetUtcNow()).DateTime);
}
