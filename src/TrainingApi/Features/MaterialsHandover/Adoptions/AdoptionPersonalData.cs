using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;

namespace TrainingApi.Features.MaterialsHandover.Adoptions;

/// <summary>
/// MaterialsHandover's part of the RODO use cases: the contact person of an adoption, found by the e-mail address given
/// (or, for the coordinator who recorded it, by their token's subject), erased on request or when retention ends. The
/// adoption itself stays: it is counted in the reach of the programme.
/// </summary>
public sealed class AdoptionPersonalData : IPersonalDataHolder
{
    private const string Area = "materials-handover";

    public IReadOnlyList<Type> Holds => [typeof(Adoption)];

    public async Task<IReadOnlyList<HeldPersonalData>> ExportForSubjectAsync(TrainingDb db, string subject, CancellationToken ct) =>
        [.. (await db.Set<Adoption>().AsNoTracking().Where(a => a.RecordedBy == subject && a.ErasedAt == null).OrderBy(a => a.RecordedAt).ToListAsync(ct)).Select(Held)];

    public async Task<IReadOnlyList<HeldPersonalData>> ExportForEmailAsync(TrainingDb db, string email, CancellationToken ct) =>
        [.. (await ByEmail(db, email).AsNoTracking().OrderBy(a => a.RecordedAt).ToListAsync(ct)).Select(Held)];

    public Task<int> EraseAsync(TrainingDb db, string email, DateTimeOffset now, CancellationToken ct) => EraseWhereAsync(ByEmail(db, email), now, ct);

    public Task<int> EraseAllAsync(TrainingDb db, DateTimeOffset now, CancellationToken ct) =>
        EraseWhereAsync(db.Set<Adoption>().Where(a => a.ErasedAt == null && a.ContactEmail != ""), now, ct);

    /// <summary>Through tracked entities, so each erasure is audited.</summary>
    private static async Task<int> EraseWhereAsync(IQueryable<Adoption> which, DateTimeOffset now, CancellationToken ct)
    {
        var adoptions = await which.ToListAsync(ct);
        adoptions.ForEach(a => a.Erase(now));
        return adoptions.Count;
    }

    private static IQueryable<Adoption> ByEmail(TrainingDb db, string email)
    {
        var pattern = LikePattern.Exactly(email.Trim());
        return db.Set<Adoption>().Where(a => a.ErasedAt == null && EF.Functions.ILike(a.ContactEmail, pattern, LikePattern.Escape));
    }

    private static HeldPersonalData Held(Adoption a) => new(Area, "adoption-contact", a.Id, new Dictionary<string, string?>
    {
        ["jst"] = $"{a.JstName} ({a.JstTeryt})",
        ["project"] = a.Project,
        ["call"] = a.Call,
        ["contactName"] = a.ContactName,
        ["contactEmail"] = a.ContactEmail,
        ["contactPhone"] = a.ContactPhone,
        ["recordedAt"] = a.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
    });
}
