namespace TrainingApi.Common.Persistence;

public sealed class ReplicaOptions
{
    public const string Section = "Catalogue";

    /// <summary>
    /// A replica further behind the primary than this (seconds) is bypassed until it catches up, and readiness reports it as
    /// degraded. Freshness never depends on it: only catalogue reads use the replica, and after a catalogue change they go to
    /// the primary until the replica has replayed it (docs/operations.md#scaling).
    /// </summary>
    public double MaxReplicaLagSeconds { get; set; } = 10;
}

/// <summary>Why catalogue reads go to the primary although a replica is configured.</summary>
public enum ReplicaBypass
{
    /// <summary>Not bypassed: the replica has replayed every catalogue change this instance knows of.</summary>
    None,

    /// <summary>The catalogue changed and the replica has not replayed the change yet (normal, for as long as its lag).</summary>
    CatchingUp,

    Unreachable,

    Lagging,
}

/// <summary>
/// Whether this instance may read the catalogue from the replica now. A replica is asynchronous: right after a catalogue change it
/// still answers the old catalogue, and an answer read there would be kept in memory as if it were current. So every change this
/// instance learns of (its own publication, another instance's notification, the stamp poll) distrusts the replica at once, before
/// the cache is evicted; <see cref="ReplicaMonitor"/> then takes the primary's WAL position and trusts the replica again only once
/// it has replayed that far. Reads only look at a field here: probing is the monitor's work, never a read's.
/// </summary>
public sealed class ReplicaFreshness : IDisposable
{
    private readonly object gate = new();
    private readonly SemaphoreSlim changed = new(0);
    private long epoch;
    private int bypass = (int)ReplicaBypass.CatchingUp;
    private TaskCompletionSource stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether a read-only connection is configured at all.</summary>
    public bool Configured { get; init; }

    /// <summary>Read by every catalogue read: one volatile field.</summary>
    public bool UseReplica => Volatile.Read(ref bypass) == (int)ReplicaBypass.None;

    public ReplicaBypass Bypass => (ReplicaBypass)Volatile.Read(ref bypass);

    /// <summary>The replica's lag as the monitor last measured it (seconds; null before the first measurement or while unreachable).</summary>
    public double? LagSeconds { get; private set; }

    public DateTimeOffset? UnreachableSince { get; private set; }

    /// <summary>
    /// Completes at the next change of <see cref="Bypass"/> or <see cref="LagSeconds"/>: read it, then look at the state, then await
    /// it, and no change is missed. For whoever must wait for the replica (tests, diagnostics) without polling.
    /// </summary>
    public Task StateChanged => Volatile.Read(ref stateChanged).Task;

    /// <summary>Counts distrusts: a position the monitor takes after reading it covers every change distrusted up to it.</summary>
    internal long Epoch => Interlocked.Read(ref epoch);

    /// <summary>
    /// The catalogue changed (committed on the primary): read it from the primary until the replica has replayed the change.
    /// Call before evicting, so that no read that refills the cache after the eviction goes to the replica.
    /// </summary>
    public void Distrust()
    {
        if (!Configured)
        {
            return;
        }

        lock (gate)
        {
            Interlocked.Increment(ref epoch);
            if (Bypass == ReplicaBypass.None)
            {
                Volatile.Write(ref bypass, (int)ReplicaBypass.CatchingUp);
                Signal();
            }
        }

        changed.Release();
    }

    /// <summary>A connection to the replica failed (the monitor's, or a read's). Until the monitor sees it answer and current again.</summary>
    internal void Unreachable(DateTimeOffset now)
    {
        lock (gate)
        {
            // What it missed meanwhile is unknown: a new position is needed before it is trusted again.
            Interlocked.Increment(ref epoch);
            if (Bypass != ReplicaBypass.Unreachable)
            {
                UnreachableSince = now;
            }

            LagSeconds = null;
            Volatile.Write(ref bypass, (int)ReplicaBypass.Unreachable);
            Signal();
        }
    }

    internal void Lagging(double lagSeconds)
    {
        lock (gate)
        {
            LagSeconds = lagSeconds;
            UnreachableSince = null;
            Volatile.Write(ref bypass, (int)ReplicaBypass.Lagging);
            Signal();
        }
    }

    /// <summary>
    /// The replica has replayed a position taken after distrust number <paramref name="seenEpoch"/>; it is trusted again unless
    /// something was distrusted since (then the monitor needs a newer position). Returns whether it is trusted now.
    /// </summary>
    internal bool Trust(long seenEpoch, double lagSeconds)
    {
        lock (gate)
        {
            LagSeconds = lagSeconds;
            if (Interlocked.Read(ref epoch) != seenEpoch)
            {
                return false;
            }

            UnreachableSince = null;
            Volatile.Write(ref bypass, (int)ReplicaBypass.None);
            Signal();
            return true;
        }
    }

    internal void Measured(double lagSeconds)
    {
        lock (gate)
        {
            LagSeconds = lagSeconds;
            Signal();
        }
    }

    /// <summary>Wakes whoever awaits <see cref="StateChanged"/>; called under the gate, after the state was written.</summary>
    private void Signal() =>
        Interlocked.Exchange(ref stateChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits until something is distrusted, or the timeout passes.</summary>
    internal Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken ct) => changed.WaitAsync(timeout, ct);

    public void Dispose() => changed.Dispose();
}
