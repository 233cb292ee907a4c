using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingApi.Common.Idempotency;

/// <summary>
/// Rewrites a stored JSON answer so that each erased personal value in it reads as the erased record now reads (a name or
/// e-mail as "[usunięto]", a phone as null). Values are matched whole, trimmed and case-insensitively, wherever they stand,
/// since an answer is a view of the records it names, not free text.
/// </summary>
public static class AnswerRedaction
{
    /// <summary>The rewritten answer, or null when it holds none of the values (or is no JSON, which no stored answer is).</summary>
    public static byte[]? Redact(byte[] answer, IReadOnlyDictionary<string, string?> erased, JsonSerializerOptions options)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer);
        }
        catch (JsonException)
        {
            return null;
        }

        return root is not null && Replace(root, erased) ? JsonSerializer.SerializeToUtf8Bytes(root, options) : null;
    }

    private static bool Replace(JsonNode node, IReadOnlyDictionary<string, string?> erased)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject members:
                foreach (var name in members.Select(m => m.Key).ToList())
                {
                    changed |= ReplaceChild(members[name], erased, now => members[name] = now);
                }

                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    var index = i;
                    changed |= ReplaceChild(items[i], erased, now => items[index] = now);
                }

                break;
        }

        return changed;
    }

    private static bool ReplaceChild(JsonNode? child, IReadOnlyDictionary<string, string?> erased, Action<JsonNode?> set)
    {
        if (child is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (!erased.TryGetValue(text.Trim(), out var now))
            {
                return false;
            }

            set(now is null ? null : JsonValue.Create(now));
            return true;
        }

        return child is not null && Replace(child, erased);
    }
}
