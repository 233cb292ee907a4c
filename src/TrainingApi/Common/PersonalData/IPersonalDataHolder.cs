using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.PersonalData;

/// <summary>
/// A slice that holds personal data beyond the pilot's participants (advisors, attendees of advisory sessions…).
/// The RODO use cases (access, erasure on request, erasure after the retention date) ask every registered holder,
/// so a slice that starts keeping personal data registers one and is covered, and no slice edits another's tables.
/// Each call runs in the caller's DbContext, and so in its transaction.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>The records held on the signed-in person (by their token's subject).</summary>
    Task<IReadOnlyList<HeldPersonalData>> ExportForSubjectAsync(TrainingDb db, string subject, CancellationToken ct);

    /// <summary>The records held on a person, found by e-mail address (case-insensitive).</summary>
    Task<IReadOnlyList<HeldPersonalData>> ExportForEmailAsync(TrainingDb db, string email, CancellationToken ct);

    /// <summary>Replaces the personal data of the records with this e-mail address by <see cref="ErasedPersonalData.Marker"/>; the records stay.</summary>
    Task<int> EraseAsync(TrainingDb db, string email, DateTimeOffset now, CancellationToken ct);

    /// <summary>Erases all the personal data the slice holds (the retention date has passed); returns how many records changed.</summary>
    Task<int> PurgeAsync(TrainingDb db, DateTimeOffset now, CancellationToken ct);
}

/// <param name="Area">The slice that holds it, e.g. <c>advisory</c>.</param>
/// <param name="Record">What kind of record, e.g. <c>advisor</c>.</param>
/// <param name="Data">The record's fields as held, personal ones included (this is the person's own copy).</param>
public sealed record HeldPersonalData(string Area, string Record, Guid Id, IReadOnlyDictionary<string, string?> Data);

public static class ErasedPersonalData
{
    /// <summary>What an erased name, e-mail address or free-text mention of a person becomes.</summary>
    public const string Marker = "[usunięto]";
}

public static class PersonalDataHolders
{
    /// <summary>Asks every holder in turn (they share the caller's DbContext, which takes one query at a time).</summary>
    public static async Task<IReadOnlyList<HeldPersonalData>> CollectAsync(
        this IEnumerable<IPersonalDataHolder> holders, Func<IPersonalDataHolder, Task<IReadOnlyList<HeldPersonalData>>> export)
    {
        var all = new List<HeldPersonalData>();
        foreach (var holder in holders)
        {
            all.AddRange(await export(holder));
        }

        return all;
    }
}
