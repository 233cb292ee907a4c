using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;

namespace TrainingApi.Features.Consultations.Registrations;

/// <summary>
/// Consultations' part of the RODO use cases: meeting representatives (name, e-mail, phone) are found by e-mail; whoever signed
/// in and registered people gets those registrations. Erasure keeps the rows (<see cref="MeetingRepresentative.Erase"/>), so
/// the places taken and the organisation's registration stay.
/// </summary>
public sealed class RegistrationsPersonalData : IPersonalDataHolder
{
    private const string Area = "consultations";

    public IReadOnlyList<Type> Holds => [typeof(MeetingRepresentative)];

    public async Task<IReadOnlyList<HeldPersonalData>> ExportForSubjectAsync(TrainingDb db, string subject, CancellationToken ct)
    {
        var registrations = await db.Set<MeetingRegistration>().AsNoTracking().Include(r => r.Representatives)
            .Where(r => r.RegisteredBy == subject).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToListAsync(ct);
        return [.. registrations.SelectMany(r => r.Representatives.Select(p => Held(r, p)))];
    }

    public async Task<IReadOnlyList<HeldPersonalData>> ExportForEmailAsync(TrainingDb db, string email, CancellationToken ct)
    {
        var pattern = LikePattern.Exactly(email.Trim());
        var rows = await db.Set<MeetingRegistration>().AsNoTracking()
            .SelectMany(r => r.Representatives.Where(p => EF.Functions.ILike(p.Email, pattern, LikePattern.Escape)), (r, p) => new { Registration = r, Person = p })
            .ToListAsync(ct);
        return [.. rows.Select(x => Held(x.Registration, x.Person))];
    }

    public Task<int> EraseAsync(TrainingDb db, string email, DateTimeOffset now, CancellationToken ct)
    {
        var pattern = LikePattern.Exactly(email.Trim());
        return EraseTrackedAsync(db.Set<MeetingRepresentative>().Where(p => EF.Functions.ILike(p.Email, pattern, LikePattern.Escape)), now, ct);
    }

    public Task<int> EraseAllAsync(TrainingDb db, DateTimeOffset now, CancellationToken ct) =>
        EraseTrackedAsync(db.Set<MeetingRepresentative>().Where(p => p.ErasedAt == null), now, ct);

    private static async Task<int> EraseTrackedAsync(IQueryable<MeetingRepresentative> which, DateTimeOffset now, CancellationToken ct)
    {
        var people = await which.ToListAsync(ct);
        people.ForEach(p => p.Erase(now));
        return people.Count;
    }

    private static HeldPersonalData Held(MeetingRegistration r, MeetingRepresentative p) => new(Area, "meeting-representative", p.Id, new Dictionary<string, string?>
    {
        ["meetingId"] = r.MeetingId.ToString(),
        ["organisationId"] = r.OrganisationId.ToString(),
        ["registeredAt"] = r.RegisteredAt.ToString("O", CultureInfo.InvariantCulture),
        ["name"] = p.Name,
        ["email"] = p.Email,
        ["phone"] = p.Phone,
        ["position"] = p.Position,
    });
}
