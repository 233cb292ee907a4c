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
    /// The original (first, not itself a duplicate) comment of each fingerprint, one index lookup per fingerprint. At most one
    /// original per fingerprint, which the unique partial index on it states: PostgreSQL then
    /// knows every lookup finds at most one row and plans the nested loop over the index whatever its statistics say. A
    /// plain `fingerprint = ANY(…)` on a table without statistics was planned as a scan of the whole table.
    /// </summary>
    public static NpgsqlBatchCommand Originals(IEnumerable<byte[]> fingerprints) => new(
        $"""
        SELECT c.fingerprint, c.id FROM unnest($1) AS f(fingerprint)
        JOIN {ConsultationsModule.Schema}.comments AS c ON c.fingerprint = f.fingerprint AND c.duplicate_of_id IS NULL
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
