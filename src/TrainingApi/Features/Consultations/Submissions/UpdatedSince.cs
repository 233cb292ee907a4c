using System.Globalization;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>
/// The `updatedSince` query parameter of the partner's sync reads: ISO 8601, a time without an offset being Europe/Warsaw
/// (as everywhere in the API). A `+` sent unencoded in a query string arrives as a space and is read as the `+` it was.
/// </summary>
public static class UpdatedSince
{
    public const string Description =
        "ISO 8601 time: only rows changed at or after it, ordered by (updatedAt, id) and paged by cursor. Pass the largest `updatedAt` " +
        "of your previous sync minus five minutes and upsert what comes by id (a few rows come twice): a change is stamped when it is " +
        "made and becomes visible when its transaction commits, so one stamped just before your last sync may appear only after it. " +
        "See docs/consultations.md.";

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().Replace(' ', '+');
        try
        {
            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            {
                // PostgreSQL's timestamptz takes UTC from Npgsql.
                return (parsed.Kind == DateTimeKind.Unspecified
                    ? new DateTimeOffset(parsed, WarsawTime.Zone.GetUtcOffset(parsed))
                    : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)).ToUniversalTime();
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException)
        {
            // A time at the very edge of the calendar, which no offset can move: as bad as no time at all.
        }

        throw Problem.Validation("updatedSince", new Text($"'{value}' is not an ISO 8601 date and time (e.g. 2024-04-02T08:00:00Z).",
            $"'{value}' nie jest datą i godziną w formacie ISO 8601 (np. 2024-04-02T08:00:00Z)."));
    }
}
