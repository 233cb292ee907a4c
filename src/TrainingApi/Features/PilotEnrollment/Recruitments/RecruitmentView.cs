using TrainingApi.Common.Localization;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

/// <summary>What anyone may see of a recruitment, places left included.</summary>
/// <param name="ProgrammeVersionId">The programme version the pilot tests; null only for recruitments opened before pilots named one.</param>
public sealed record RecruitmentView(
    Guid Id, string Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string OpensAtWarsaw, string ClosesAtWarsaw,
    bool IsOpen, int Capacity, int MaxParticipantsPerJst, IReadOnlyList<JstKind> EligibleKinds, SelectionMode SelectionMode,
    string RodoClauseVersion, int Accepted, int Waitlisted, int PlacesLeft, int? MaxPerVoivodeship = null, int? MaxPerKind = null, DateTimeOffset? AllocatedAt = null,
    DateTimeOffset? AcceptedListPublishedAt = null, int? OfferValidityHours = null, Guid? ProgrammeVersionId = null)
{
    public static RecruitmentView From(Recruitment r, DateTimeOffset now) => new(
        r.Id, r.Title, r.Description, r.OpensAt, r.ClosesAt, WarsawTime.Format(r.OpensAt), WarsawTime.Format(r.ClosesAt), r.IsOpenAt(now),
        r.Capacity, r.MaxParticipantsPerJst, [.. r.EligibleKinds.Select(Enum.Parse<JstKind>)], r.SelectionMode, r.RodoClauseVersion,
        r.AcceptedCount, r.WaitlistedCount, r.Capacity - r.AcceptedCount, r.MaxPerVoivodeship, r.MaxPerKind, r.AllocatedAt, r.AcceptedListPublishedAt,
        r.OfferValidityHours, r.ProgrammeVersionId);

    public static readonly RecruitmentView Example = new(
        Guid.Parse("01936b30-1000-7000-8000-000000000020"), "Nabór JST do pilotażu szkoleń i doradztwa 2024",
        "Pilotaż dla 50 JST (ok. 150 osób) po wyborach samorządowych.", new DateTimeOffset(2024, 5, 6, 7, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 5, 31, 13, 59, 59, TimeSpan.Zero), "2024-05-06 09:00 (Europe/Warsaw)", "2024-05-31 15:59 (Europe/Warsaw)", true, 50, 3,
        [JstKind.GminaMiejska, JstKind.GminaWiejska, JstKind.GminaMiejskoWiejska, JstKind.MiastoNaPrawachPowiatu, JstKind.Powiat],
        SelectionMode.FirstCome, "RODO-2024-04", 31, 0, 19, ProgrammeVersionId: Guid.Parse("01936b2f-1000-7000-8000-000000000010"));
}
