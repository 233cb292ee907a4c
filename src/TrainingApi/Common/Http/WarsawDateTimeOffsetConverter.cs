using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Http;

/// <summary>
/// Reads ISO 8601 times; one written without an offset ("2024-04-12T16:00") is Europe/Warsaw wall-clock time, the
/// zone of every business deadline, rather than whatever zone the server happens to run in. Writes as System.Text.Json does.
/// </summary>
public sealed class WarsawDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected an ISO 8601 date and time.");
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 date and time.");
        }

        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        if (WarsawTime.Zone.IsInvalidTime(parsed))
        {
            throw new JsonException($"{text} does not exist in Europe/Warsaw (the clocks skip that hour); give an offset or another time.");
        }

        return new DateTimeOffset(parsed, WarsawTime.Zone.GetUtcOffset(parsed));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
