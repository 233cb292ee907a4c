using System.Buffers;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
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
            db.Add(AuditEntry.For(useCase, now, entry.Metadata.ClrType.Name, KeyOf(entry), OperationOf(entry.State), Summarise(entry)));
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

    /// <summary>
    /// The entry's values as one JSON object, written straight to UTF-8: every saved entity passes here, and building a
    /// JsonNode per value, then the tree's text, was a twentieth of an application's CPU under the enrollment burst.
    /// </summary>
    private static string Summarise(EntityEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            writer.WriteStartObject();
            if (entry.State != EntityState.Deleted)
            {
                foreach (var property in entry.Properties)
                {
                    if (property.Metadata.IsConcurrencyToken || property.Metadata.IsPrimaryKey())
                    {
                        continue;
                    }

                    var personal = property.Metadata.PropertyInfo is { } info && IsPersonal(info);
                    if (entry.State == EntityState.Added)
                    {
                        writer.WritePropertyName(Name(property));
                        WriteValue(writer, personal ? "(personal data)" : property.CurrentValue);
                    }
                    else if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    {
                        writer.WritePropertyName(Name(property));
                        if (personal)
                        {
                            writer.WriteStringValue("(personal data changed)");
                            continue;
                        }

                        writer.WriteStartObject();
                        writer.WritePropertyName("from");
                        WriteValue(writer, property.OriginalValue);
                        writer.WritePropertyName("to");
                        WriteValue(writer, property.CurrentValue);
                        writer.WriteEndObject();
                    }
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PropertyInfo, bool> Personal = new();

    // Reflection on every property of every saved entity is measurable on the hot path; the answer never changes.
    private static bool IsPersonal(PropertyInfo info) => Personal.GetOrAdd(info, i => i.GetCustomAttribute<PersonalDataAttribute>() is not null);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonEncodedText> Names = new();

    private static JsonEncodedText Name(PropertyEntry property) =>
        Names.GetOrAdd(property.Metadata.Name, n => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(n), Json.Encoder));

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case byte[]:
                writer.WriteStringValue("(binary)");
                break;
            case string s:
                writer.WriteStringValue(s.Length > MaxValueLength ? s[..MaxValueLength] + "…" : s);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), Json);
                break;
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        JsonSetup.Configure(options);
        return options;
    }
}
