using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment;

/// <summary>
/// SelfAssessment's part of the RODO use cases. Answers are never personal data here: they are stored with a role only.
/// What is: the subject who started a round (found by their token), and the invitees' names of a round with named
/// respondents — free text that no e-mail address finds, so they go when the retention date has passed.
/// </summary>
public sealed class SelfAssessmentPersonalData : IPersonalDataHolder
{
    private const string Area = "self-assessment";

    public IReadOnlyList<Type> Holds => [typeof(Invitation)];

    public async Task<IReadOnlyList<HeldPersonalData>> ExportForSubjectAsync(TrainingDb db, string subject, CancellationToken ct) =>
        [.. (await db.Set<AssessmentRound>().AsNoTracking().Where(r => r.StartedBy == subject).OrderBy(r => r.StartedAt).ToListAsync(ct))
            .Select(r => new HeldPersonalData(Area, "self-assessment-round", r.Id, new Dictionary<string, string?>
            {
                ["startedBy"] = r.StartedBy,
                ["jst"] = $"{r.JstName} ({r.Teryt})",
                ["startedAt"] = r.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            }))];

    public Task<IReadOnlyList<HeldPersonalData>> ExportForEmailAsync(TrainingDb db, string email, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<HeldPersonalData>>([]);

    public Task<int> EraseAsync(TrainingDb db, string email, DateTimeOffset now, CancellationToken ct) => Task.FromResult(0);

    /// <summary>Through tracked entities, so each erased name is audited (named, not copied).</summary>
    public async Task<int> EraseAllAsync(TrainingDb db, DateTimeOffset now, CancellationToken ct)
    {
        var named = await db.Set<Invitation>().Where(i => i.Name != null && i.Name != ErasedPersonalData.Marker).ToListAsync(ct);
        named.ForEach(i => i.EraseName());
        return named.Count;
    }
}
