using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.PersonalData;

/// <summary>
/// A slice's part in the RODO use cases (<see cref="ExportPersonData"/>, <see cref="ExportMyPersonalData"/>,
/// <see cref="ErasePerson"/>, <see cref="PersonalDataRetention"/>): every slice that holds personal data registers one,
/// and the use cases ask every holder, so no slice edits another's tables and none is special. Each call runs in the
/// caller's DbContext, and so in its transaction.
/// </summary>
/// <remarks>
/// Erasure changes tracked entities through a method of the entity (<c>Erase</c>), the same for a request and for
/// retention, so the audit interceptor records every erased record (personal properties as "(personal data changed)").
/// </remarks>
public interface IPersonalDataHolder
{
    /// <summary>
    /// The entity types whose <see cref="Audit.PersonalDataAttribute"/> properties this holder exports and erases. Every
    /// marked entity is held by exactly one holder, and the architecture tests check it, so a new marked property is either
    /// in an entity a holder already covers or fails them until one does.
    /// </summary>
    IReadOnlyList<Type> Holds { get; }

    /// <summary>The records held on the signed-in person (by their token's subject).</summary>
    Task<IReadOnlyList<HeldPersonalData>> ExportForSubjectAsync(TrainingDb db, string subject, CancellationToken ct);

    /// <summary>The records held on a person, found by e-mail address (trimmed; compared case-insensitively).</summary>
    Task<IReadOnlyList<HeldPersonalData>> ExportForEmailAsync(TrainingDb db, string email, CancellationToken ct);

    /// <summary>Replaces the personal data of the records with this e-mail address by <see cref="ErasedPersonalData.Marker"/>; the records stay.</summary>
    Task<int> EraseAsync(TrainingDb db, string email, DateTimeOffset now, CancellationToken ct);

    /// <summary>Erases all the personal data the slice holds (the retention date has passed); returns how many records changed.</summary>
    Task<int> EraseAllAsync(TrainingDb db, DateTimeOffset now, CancellationToken ct);
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

    /// <summary>Has every holder erase in turn, in the caller's DbContext; returns how many records changed in all.</summary>
    public static async Task<int> EraseAsync(this IEnumerable<IPersonalDataHolder> holders, Func<IPersonalDataHolder, Task<int>> erase)
    {
        var erased = 0;
        foreach (var holder in holders)
        {
            erased += await erase(holder);
        }

        return erased;
    }
}
