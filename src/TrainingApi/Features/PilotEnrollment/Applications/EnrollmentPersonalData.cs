using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// PilotEnrollment's part of the RODO use cases: participants (name, e-mail, phone) are found by e-mail; a signed-in
/// coordinator gets the applications they submitted with the participants they entered; a participant's export lists their
/// certificates. Erasure keeps the participant rows (<see cref="Participant.Erase"/>), so applications keep their number of
/// participants and the statistics stay; a certificate keeps no name, so after erasure it no longer verifies.
/// </summary>
public sealed class EnrollmentPersonalData : IPersonalDataHolder
{
    private const string Area = "pilot-enrollment";

    public IReadOnlyList<Type> Holds => [typeof(Participant)];

    public async Task<IReadOnlyList<HeldPersonalData>> ExportForSubjectAsync(TrainingDb db, string subject, CancellationToken ct)
    {
        var applications = await db.Set<Application>().AsNoTracking().Include(a => a.Participants)
            .Where(a => a.SubmittedBy == subject).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).ToListAsync(ct);
        return [.. applications.SelectMany(a => a.Participants.Select(p => Held(a, p)).Prepend(Held(a)))];
    }

    public async Task<IReadOnlyList<HeldPersonalData>> ExportForEmailAsync(TrainingDb db, string email, CancellationToken ct)
    {
        var pattern = LikePattern.Exactly(email);
        var rows = await db.Set<Application>().AsNoTracking()
            .SelectMany(a => a.Participants.Where(p => EF.Functions.ILike(p.Email, pattern, LikePattern.Escape)), (a, p) => new { Application = a, Participant = p })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Participant.Id).ToList();
        var certificates = await db.Set<Pilot.Certificate>().AsNoTracking().Where(c => ids.Contains(c.ParticipantId)).ToListAsync(ct);
        return [.. rows.Select(r => Held(r.Application, r.Participant)), .. certificates.Select(Held)];
    }

    public Task<int> EraseAsync(TrainingDb db, string email, DateTimeOffset now, CancellationToken ct)
    {
        var pattern = LikePattern.Exactly(email);
        return EraseTrackedAsync(db.Set<Participant>().Where(p => EF.Functions.ILike(p.Email, pattern, LikePattern.Escape)), now, ct);
    }

    public Task<int> EraseAllAsync(TrainingDb db, DateTimeOffset now, CancellationToken ct) =>
        EraseTrackedAsync(db.Set<Participant>().Where(p => p.ErasedAt == null), now, ct);

    /// <summary>Through tracked entities, so each erased participant is audited (its personal properties named, not copied).</summary>
    private static async Task<int> EraseTrackedAsync(IQueryable<Participant> which, DateTimeOffset now, CancellationToken ct)
    {
        var people = await which.ToListAsync(ct);
        people.ForEach(p => p.Erase(now));
        return people.Count;
    }

    private static HeldPersonalData Held(Application a) => new(Area, "application", a.Id, new Dictionary<string, string?>
    {
        ["recruitmentId"] = a.RecruitmentId.ToString(),
        ["jstTeryt"] = a.JstTeryt,
        ["status"] = QueryEnum.Name(a.Status),
        ["rodoClauseVersion"] = a.RodoClauseVersion,
        ["rodoAcknowledgedAt"] = a.RodoAcknowledgedAt.ToString("O", CultureInfo.InvariantCulture),
        ["submittedAt"] = a.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
    });

    /// <summary>A certificate names its holder (read from the participant, not copied), so it is part of what is held on them.</summary>
    private static HeldPersonalData Held(Pilot.Certificate c) => new(Area, "certificate", c.Id, new Dictionary<string, string?>
    {
        ["participantId"] = c.ParticipantId.ToString(),
        ["programme"] = c.ProgrammeTitle,
        ["completedOn"] = c.CompletedOn.ToString("O", CultureInfo.InvariantCulture),
        ["verificationCode"] = Pilot.Certificate.Printed(c.Code),
    });

    private static HeldPersonalData Held(Application a, Participant p) => new(Area, "participant", p.Id, new Dictionary<string, string?>
    {
        ["applicationId"] = a.Id.ToString(),
        ["recruitmentId"] = a.RecruitmentId.ToString(),
        ["jstTeryt"] = a.JstTeryt,
        ["name"] = p.Name,
        ["position"] = p.Position,
        ["email"] = p.Email,
        ["phone"] = p.Phone,
    });
}
