using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Audit;

/// <summary>
/// Writes an audit entry for every entity a save creates, changes or deletes, in the same SaveChanges and
/// so in the same transaction: there is no change without its record. Personal data is named, not copied.
/// </summary>
/// <remarks>One instance for the pooled contexts: the actor and use case come from the context being saved, as the runner set them.</remarks>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private const int MaxValueLength = 200;
    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Record(DbContext? db)
    {
        if (db is not Persistence.TrainingDb training)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not INotAudited)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var useCase = training.UseCase;
        var now = clock.GetUtcNow();
        foreach (var entry in changed)
        {
            db.Add(AuditEntry.For(useCase, now, entry.Metadata.ClrType.Name, KeyOf(entry), OperationOf(entry.State), Summarise(entry).ToJsonString(Json)));
        }
    }

    private static string OperationOf(EntityState state) => state switch
    {
        EntityState.Added => "created",
        EntityState.Deleted => "deleted",
        _ => "updated",
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static JsonObject Summarise(EntityEntry entry)
    {
        var summary = new JsonObject();
        if (entry.State == EntityState.Deleted)
        {
            return summary;
        }

        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsConcurrencyToken || property.Metadata.IsPrimaryKey())
            {
                continue;
            }

            var personal = property.Metadata.PropertyInfo is { } info && IsPersonal(info);
            if (entry.State == EntityState.Added)
            {
                summary[Name(property)] = personal ? "(personal data)" : Value(property.CurrentValue);
            }
            else if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
            {
                summary[Name(property)] = personal
                    ? "(personal data changed)"
                    : new JsonObject { ["from"] = Value(property.OriginalValue), ["to"] = Value(property.CurrentValue) };
            }
        }

        return summary;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PropertyInfo, bool> Personal = new();

    // Reflection on every property of every saved entity is measurable on the hot path; the answer never changes.
    private static bool IsPersonal(PropertyInfo info) => Personal.GetOrAdd(info, i => i.GetCustomAttribute<PersonalDataAttribute>() is not null);

    private static string Name(PropertyEntry property) => JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name);

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        byte[] => "(binary)",
        string s when s.Length > MaxValueLength => s[..MaxValueLength] + "…",
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), Json),
    };

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        JsonSetup.Configure(options);
        return options;
    }
}
