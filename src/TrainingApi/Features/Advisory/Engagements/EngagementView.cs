namespace TrainingApi.Features.Advisory.Engagements;

public sealed record EngagementView(
    Guid Id, Guid RecruitmentId, string JstTeryt, string JstName, Guid AdvisorId, string AdvisorName, EngagementStage Stage,
    decimal HoursBudget, decimal ExtraHoursApproved, decimal HoursUsed, decimal HoursAvailable, Guid? GuidelinesVersionId,
    DateTimeOffset CreatedAt, DateTimeOffset StageChangedAt, string? ClosedReason = null)
{
    public static EngagementView From(Engagement e, string advisorName) => new(
        e.Id, e.RecruitmentId, e.JstTeryt, e.JstName, e.AdvisorId, advisorName, e.Stage, e.HoursBudget, e.ExtraHoursApproved, e.HoursUsed,
        e.HoursAvailable, e.GuidelinesVersionId, e.CreatedAt, e.StageChangedAt, e.ClosedReason);

    public static readonly EngagementView Example = new(
        Guid.Parse("01936b30-3100-7000-8000-000000000001"), Guid.Parse("01936b30-1000-7000-8000-000000000020"), "1061", "Łódź",
        Guid.Parse("01936b30-3000-7000-8000-000000000001"), "Marta Wiśniewska", EngagementStage.Plan, 40, 0, 6.5m, 33.5m,
        Guid.Parse("01936b30-0000-7000-8000-000000000002"), new DateTimeOffset(2024, 6, 3, 8, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 7, 1, 9, 30, 0, TimeSpan.Zero));
}
