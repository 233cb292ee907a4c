using Microsoft.EntityFrameworkCore;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// What an advisory lock guards, as a kind: every namespace is declared here and only here, so two pieces of code never
/// take the same lock text by accident and none is a string written where the lock is taken.
/// </summary>
public sealed class AdvisoryLockNamespace
{
    /// <summary>An Idempotency-Key being answered (scope and key).</summary>
    public static readonly AdvisoryLockNamespace Idempotency = new("idempotency");

    /// <summary>The rounds of one programme version, checked for overlap one request at a time.</summary>
    public static readonly AdvisoryLockNamespace ConsultationRounds = new("consultation-rounds");

    /// <summary>A JST's organisation, registered once at its first comment.</summary>
    public static readonly AdvisoryLockNamespace JstOrganisation = new("jst-organisation");

    /// <summary>One organisation's submission to one round.</summary>
    public static readonly AdvisoryLockNamespace ConsultationSubmission = new("consultation-submission");

    /// <summary>The publication of a programme's releases.</summary>
    public static readonly AdvisoryLockNamespace ReleasePublication = new("release-publication");

    /// <summary>The start of a JST's self-assessment round.</summary>
    public static readonly AdvisoryLockNamespace SelfAssessmentStart = new("self-assessment-start");

    private AdvisoryLockNamespace(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary>
/// The name of a transaction-scoped advisory lock: its <see cref="AdvisoryLockNamespace"/> and the id of what it guards.
/// It locks the text `namespace:id`, hashed by PostgreSQL's hashtextextended.
/// </summary>
public readonly record struct AdvisoryLockKey(AdvisoryLockNamespace Namespace, string Id)
{
    public AdvisoryLockKey(AdvisoryLockNamespace @namespace, Guid id)
        : this(@namespace, id.ToString())
    {
    }

    /// <summary>A lock on a pair, such as an organisation within a round.</summary>
    public AdvisoryLockKey(AdvisoryLockNamespace @namespace, Guid first, Guid second)
        : this(@namespace, $"{first}:{second}")
    {
    }

    public override string ToString() => $"{Namespace.Name}:{Id}";
}

/// <summary>
/// Advisory locks for what has no row to lock yet (the first of something, a check across rows); held until the
/// transaction ends.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Waits for the lock named by the key and holds it until the transaction ends.</summary>
    public static Task AdvisoryLockAsync(this TrainingDb db, AdvisoryLockKey key, CancellationToken ct) =>
        db.AfterAdvisoryLockAsync(key, [], (_, _) => Task.FromResult(true), ct);

    /// <summary>The statement that waits for the lock named by the key (<see cref="LockedReads"/> sends it with the reads after it).</summary>
    internal static Npgsql.NpgsqlBatchCommand Lock(AdvisoryLockKey key) => new("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
    {
        Parameters = { new Npgsql.NpgsqlParameter<string> { TypedValue = key.ToString() } },
    };

    /// <summary>Takes the lock if nobody holds it, holding it until the transaction ends; false when it is taken.</summary>
    public static async Task<bool> TryAdvisoryLockAsync(this TrainingDb db, AdvisoryLockKey key, CancellationToken ct)
    {
        RowLocks.EnsureTransaction(db);
        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({key.ToString()}, 0)) AS \"Value\"").SingleAsync(ct);
    }
}
