using Npgsql;
using NpgsqlTypes;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>
/// What a new submission checks under its organisation's lock, as statements sent with the lock in one round trip
/// (<see cref="Common.Persistence.LockedReads"/>): whether its reference was used, and the original comment of each fingerprint.
/// </summary>
internal static class SubmissionLookups
{
    /// <summary>The submission the organisation already sent with the reference (no row for a null reference).</summary>
    public static NpgsqlBatchCommand ReferenceUsed(Guid organisationId, string? reference) => new(
        $"SELECT s.id FROM {ConsultationsModule.Schema}.submissions AS s WHERE s.organisation_id = $1 AND s.external_reference = $2 LIMIT 1")
    {
        Parameters = { new NpgsqlParameter<Guid> { TypedValue = organisationId }, new NpgsqlParameter { Value = (object?)reference ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar } },
    };

    /// <summary>
    /// Plans the statements after it in the transaction for their own parameters and the table's present size, never with a
    /// cached generic plan. Npgsql prepares hot statements, and PostgreSQL gives a prepared one a generic plan on its sixth run,
    /// costed for the table as it was then and kept on that connection until autovacuum analyses the table again; one made
    /// while `comments` held a few pages would scan it for every lookup below. Planning afresh costs about half a millisecond.
    /// </summary>
    public static NpgsqlBatchCommand PlanForTheseParameters() => new("SET LOCAL plan_cache_mode = force_custom_plan");

    /// <summary>
    /// The original (first, not itself a duplicate) comment of each fingerprint: one lookup in the unique partial index of
    /// originals per fingerprint, whatever the statistics say. As a plain join, PostgreSQL chose by its estimate of how many
    /// originals there are, and with statistics from when the table was young it hashed every original of every round on each
    /// batch: an ingest into a fresh table slowed from 7,000 to 1,700 comments/s over 200,000 rows, until autovacuum analysed
    /// it. A lateral subquery with LIMIT cannot be hashed; it runs once per fingerprint, and the index is its cheapest way.
    /// </summary>
    public static NpgsqlBatchCommand Originals(IEnumerable<byte[]> fingerprints) => new(
        $"""
        SELECT f.fingerprint, o.id FROM unnest($1) AS f(fingerprint)
        CROSS JOIN LATERAL (
            SELECT c.id FROM {ConsultationsModule.Schema}.comments AS c
            WHERE c.fingerprint = f.fingerprint AND c.duplicate_of_id IS NULL
            LIMIT 1) AS o
        """)
    {
        Parameters = { new NpgsqlParameter { Value = fingerprints.DistinctBy(Convert.ToHexString).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea } },
    };

    /// <summary>Reads the two result sets above, in that order: the reference's submission, and the originals by fingerprint (hex).</summary>
    public static async Task<(Guid? Used, Dictionary<string, Guid> Originals)> ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        Guid? used = await reader.ReadAsync(ct) ? reader.GetGuid(0) : null;
        await reader.NextResultAsync(ct);
        var originals = new Dictionary<string, Guid>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var key = Convert.ToHexString(reader.GetFieldValue<byte[]>(0));
            var id = reader.GetGuid(1);
            originals[key] = originals.TryGetValue(key, out var other) && other.CompareTo(id) < 0 ? other : id;
        }

        return (used, originals);
    }
}
