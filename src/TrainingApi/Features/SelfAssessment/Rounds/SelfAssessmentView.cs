using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Results;

namespace TrainingApi.Features.SelfAssessment.Rounds;

/// <param name="Role">The respondents' role.</param>
/// <param name="Invited">Invitations made for the role and not revoked.</param>
/// <param name="Opened">Of those, how many links were opened (submitted ones included).</param>
/// <param name="Submitted">Of those, how many respondents submitted.</param>
public sealed record RoleProgress(string Role, int Invited, int Opened, int Submitted);

/// <param name="Invited">Invitations made and not revoked.</param>
/// <param name="Opened">Links opened at least once (submitted ones included).</param>
/// <param name="Submitted">Respondents who submitted.</param>
/// <param name="Revoked">Invitations revoked before they were used.</param>
/// <param name="ByRole">The same counts by role, for the roles invited.</param>
public sealed record RoundProgress(int Invited, int Opened, int Submitted, int Revoked, IReadOnlyList<RoleProgress> ByRole);

/// <param name="Id">The round's id.</param>
/// <param name="Teryt">The JST's canonical TERYT code.</param>
/// <param name="JstName">The JST's name in the register.</param>
/// <param name="JstKind">The JST's kind in the register: its peer group.</param>
/// <param name="VoivodeshipCode">The two-digit TERYT code of the JST's voivodeship.</param>
/// <param name="FrameworkVersion">The maturity framework version the round is answered against, kept for good.</param>
/// <param name="Title">The starter's name for the round, if any.</param>
/// <param name="Anonymous">True unless the JST chose named respondents.</param>
/// <param name="Deadline">When the round closes by itself, if its starter has not closed it.</param>
/// <param name="Status">Open while respondents may answer; closed for good.</param>
/// <param name="StartedAt">When it was started.</param>
/// <param name="ClosedAt">When it closed, or null while open.</param>
/// <param name="ClosedAtDeadline">Whether the deadline closed it (null while open).</param>
/// <param name="MinimumRespondents">How many must submit before any result shows.</param>
/// <param name="Progress">Invited, opened and submitted, in all and by role.</param>
/// <param name="Results">The results computed at closing (null while open); when fewer than <paramref name="MinimumRespondents"/>
/// submitted, only their number and <c>shown: false</c>.</param>
public sealed record SelfAssessmentView(
    Guid Id, string Teryt, string JstName, string JstKind, string VoivodeshipCode, string FrameworkVersion, string? Title, bool Anonymous,
    DateTimeOffset Deadline, SelfAssessmentStatus Status, DateTimeOffset StartedAt, DateTimeOffset? ClosedAt, bool? ClosedAtDeadline, int MinimumRespondents,
    RoundProgress Progress, RoundResults? Results)
{
    public static SelfAssessmentView From(AssessmentRound r, RoundProgress progress) => new(
        r.Id, r.Teryt, r.JstName, QueryEnum.Name(r.JstKind), r.VoivodeshipCode, r.FrameworkVersion, r.Title, r.Anonymous, r.Deadline, r.Status,
        r.StartedAt, r.ClosedAt, r.IsClosed ? r.ClosedBy == AssessmentRound.ClosedAtDeadline : null, RoundResults.MinimumRespondents, progress, r.Results);

    public static async Task<SelfAssessmentView> ForAsync(TrainingDb db, AssessmentRound round, CancellationToken ct) =>
        From(round, (await ProgressAsync(db, [round.Id], ct)).GetValueOrDefault(round.Id, NoProgress));

    public static readonly RoundProgress NoProgress = new(0, 0, 0, 0, []);

    /// <summary>The progress of several rounds in one grouped query.</summary>
    public static async Task<Dictionary<Guid, RoundProgress>> ProgressAsync(TrainingDb db, IReadOnlyCollection<Guid> roundIds, CancellationToken ct)
    {
        var rows = await db.Set<Invitation>().AsNoTracking().Where(i => roundIds.Contains(i.RoundId))
            .GroupBy(i => new { i.RoundId, i.Role })
            .Select(g => new
            {
                g.Key.RoundId,
                g.Key.Role,
                Invited = g.Count(i => i.RevokedAt == null || i.SubmittedAt != null),
                Opened = g.Count(i => i.OpenedAt != null),
                Submitted = g.Count(i => i.SubmittedAt != null),
                Revoked = g.Count(i => i.RevokedAt != null && i.SubmittedAt == null),
            })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.RoundId).ToDictionary(g => g.Key, g => new RoundProgress(
            g.Sum(r => r.Invited), g.Sum(r => r.Opened), g.Sum(r => r.Submitted), g.Sum(r => r.Revoked),
            [.. g.OrderBy(r => r.Role).Where(r => r.Invited > 0).Select(r => new RoleProgress(QueryEnum.Name(r.Role), r.Invited, r.Opened, r.Submitted))]));
    }

    public static readonly SelfAssessmentView Example = new(
        Guid.Parse("019c0000-0000-7000-8000-00000000a001"), "1465011", "Warszawa", "miasto-na-prawach-powiatu", "14", "2024.1",
        "Samoocena 2025", true, new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero), SelfAssessmentStatus.Closed,
        new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 28, 14, 0, 0, TimeSpan.Zero), false, RoundResults.MinimumRespondents,
        new RoundProgress(8, 7, 6, 1, [new("education-department", 2, 2, 2), new("school-head", 4, 4, 3), new("it", 2, 1, 1)]),
        new RoundResults(6, true, 3.12m,
            [new("strategia", 3.5m, 6, 0.62m), new("infrastruktura", 2.83m, 6, 0.9m), new("dane", null, 2, null)],
            [new("school-head", 3, 2.9m, [new("strategia", 3.33m), new("infrastruktura", 2.5m), new("dane", null)])]));
}
