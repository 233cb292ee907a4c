using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;
using TrainingApi.Features.Advisory.Sessions;

namespace TrainingApi.Features.Advisory.Advisors;

/// <summary>
/// Advisory's part of the RODO use cases: advisors (name, e-mail) are found by their token's subject or by e-mail and
/// can be erased; attendees of advisory sessions are free-text names that no e-mail address finds, so they go only
/// when the retention date has passed (their number stays, for the hours and reports).
/// </summary>
public sealed class AdvisoryPersonalData : IPersonalDataHolder
{
    private const string Area = "advisory";

    public IReadOnlyList<Type> Holds => [typeof(Advisor), typeof(AdvisorySession)];

    public async Task<IReadOnlyList<HeldPersonalData>> ExportForSubjectAsync(TrainingDb db, string subject, CancellationToken ct) =>
        [.. (await db.Set<Advisor>().AsNoTracking().Where(a => a.Subject == subject).ToListAsync(ct)).Select(Held)];

    public async Task<IReadOnlyList<HeldPersonalData>> ExportForEmailAsync(TrainingDb db, string email, CancellationToken ct) =>
        [.. (await ByEmail(db, email).AsNoTracking().ToListAsync(ct)).Select(Held)];

    public Task<int> EraseAsync(TrainingDb db, string email, DateTimeOffset now, CancellationToken ct) => EraseAdvisorsAsync(ByEmail(db, email), ct);

    public async Task<int> EraseAllAsync(TrainingDb db, DateTimeOffset now, CancellationToken ct)
    {
        var advisors = await EraseAdvisorsAsync(db.Set<Advisor>().Where(a => a.Email != ErasedPersonalData.Marker), ct);
        var sessions = (await db.Set<AdvisorySession>().Where(s => s.Attendees.Count > 0).ToListAsync(ct)).Where(s => !s.AttendeesErased).ToList();
        sessions.ForEach(s => s.EraseAttendees());
        return advisors + sessions.Count;
    }

    /// <summary>Through tracked entities, so each erased advisor is audited (name and e-mail named, not copied).</summary>
    private static async Task<int> EraseAdvisorsAsync(IQueryable<Advisor> which, CancellationToken ct)
    {
        var advisors = await which.ToListAsync(ct);
        advisors.ForEach(a => a.Erase());
        return advisors.Count;
    }

    private static IQueryable<Advisor> ByEmail(TrainingDb db, string email)
    {
        var pattern = LikePattern.Exactly(email);
        return db.Set<Advisor>().Where(a => EF.Functions.ILike(a.Email, pattern, LikePattern.Escape));
    }

    private static HeldPersonalData Held(Advisor a) => new(Area, "advisor", a.Id, new Dictionary<string, string?>
    {
        ["subject"] = a.Subject,
        ["name"] = a.Name,
        ["email"] = a.Email,
        ["specialisations"] = string.Join(", ", a.Specialisations),
        ["capacity"] = a.Capacity.ToString(CultureInfo.InvariantCulture),
        ["registeredAt"] = a.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
    });
}
