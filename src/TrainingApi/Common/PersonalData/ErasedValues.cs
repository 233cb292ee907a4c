using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TrainingApi.Common.Audit;

namespace TrainingApi.Common.PersonalData;

/// <summary>
/// The personal values an erasure is about to save, read from the change tracker after every holder has erased: for each
/// <see cref="PersonalDataAttribute"/> property that changed, its value before (trimmed, compared case-insensitively) and what it
/// reads as now. What else keeps a copy of them (the answers stored for Idempotency-Keys) is rewritten from this, so no slice
/// has to say a second time what it erased.
/// </summary>
public static class ErasedValues
{
    public static Dictionary<string, string?> From(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var erased = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in tracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => p.IsModified && p.Metadata.PropertyInfo?.GetCustomAttribute<PersonalDataAttribute>() is not null))
            {
                switch (property.OriginalValue)
                {
                    case string was:
                        Add(erased, was, property.CurrentValue as string);
                        break;
                    case IEnumerable<string> list:
                        foreach (var was in list)
                        {
                            Add(erased, was, ErasedPersonalData.Marker);
                        }

                        break;
                }
            }
        }

        return erased;
    }

    /// <summary>Also what the erasure was asked for by (an e-mail address), which a stored answer may hold where no record does any more.</summary>
    public static void Add(Dictionary<string, string?> erased, string? was, string? now)
    {
        var value = was?.Trim();
        if (!string.IsNullOrEmpty(value) && !value.StartsWith(ErasedPersonalData.Marker, StringComparison.Ordinal))
        {
            erased.TryAdd(value, now);
        }
    }
}
