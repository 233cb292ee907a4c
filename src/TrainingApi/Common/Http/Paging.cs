using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FluentValidation;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Http;

/// <summary>One page of a list, in a stable order; pass <see cref="NextCursor"/> back as <c>cursor</c> for the next one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset cursors over (created-at, id): opaque to clients, stable when rows are added while paging,
/// and cheap for the database (an index range scan, no OFFSET).
/// </summary>
public readonly record struct KeysetCursor(DateTimeOffset At, Guid Id)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(At.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + Id.ToString("N")));

    public static KeysetCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            return new KeysetCursor(new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw InvalidCursor();
        }
    }

    public static ProblemException InvalidCursor() => Problem.Validation("cursor", new Text(
        "The cursor is not one this API gave out; start again without it.",
        "Kursor nie pochodzi z tego API; zacznij od początku bez niego."));

    /// <summary>Takes limit+1 rows and turns them into a page, so the last page has no cursor.</summary>
    public static Page<TView> ToPage<TRow, TView>(IReadOnlyList<TRow> rows, int limit, Func<TRow, KeysetCursor> key, Func<TRow, TView> view)
    {
        var items = rows.Take(limit).Select(view).ToList();
        return new Page<TView>(items, rows.Count > limit ? key(rows[limit - 1]).Encode() : null);
    }
}

/// <summary>A cursor that is the key of the last item of a page, for lists ordered in memory by a name (anchors, asset names).</summary>
public static class NameCursor
{
    public static string Encode(string name) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(name));

    /// <summary>The name, or null without a cursor; a cursor that is not one this API gave out is a 400.</summary>
    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw KeysetCursor.InvalidCursor();
        }
    }
}

public static class PagingRules
{
    public static IRuleBuilderOptions<T, int> ValidPageLimit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, KeysetCursor.MaxLimit);
}
