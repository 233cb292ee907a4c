using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// Decides, in the background, whether catalogue reads may use the replica (<see cref="ReplicaFreshness"/>): every second, and
/// at once after a distrust, it takes the primary's WAL insert position and asks the replica how far it has replayed. The replica
/// is trusted when it has replayed the position taken after the last distrust, answers, and is not further behind than
/// <see cref="ReplicaOptions.MaxReplicaLagSeconds"/>. While it is catching up it is asked every 20 ms, so it is used again soon
/// after its lag.
/// </summary>
public sealed partial class ReplicaMonitor(
    ReplicaFreshness freshness, Telemetry.BusinessMetrics metrics, IConfiguration configuration, IOptions<ReplicaOptions> options, TimeProvider clock, ILogger<ReplicaMonitor> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CatchingUpInterval = TimeSpan.FromMilliseconds(20);

    // The insert position, not pg_current_wal_lsn() (the write position): with synchronous_commit off a commit can return
    // before its record is written, and a position before it would trust a replica that has not replayed it.
    private const string PrimarySql = "SELECT pg_current_wal_insert_lsn()";

    // A read-only connection that is not a standby (the primary itself, under a read-only role) is always current.
    private const string ReplicaSql = "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_insert_lsn() END";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var replicaString = configuration.GetConnectionString(ReadOnlyDatabase.ConnectionStringName);
        var primaryString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!freshness.Configured || string.IsNullOrWhiteSpace(replicaString) || string.IsNullOrWhiteSpace(primaryString))
        {
            return;
        }

        await Task.Yield();
        // Short time-outs: a replica that does not answer within two seconds is as good as down for the catalogue.
        await using var primary = NpgsqlDataSource.Create(Own(primaryString));
        await using var replica = NpgsqlDataSource.Create(Own(replicaString));
        var behind = new LagClock();
        var targetEpoch = long.MinValue;
        var target = default(NpgsqlLogSequenceNumber);
        var nextSample = 0L;
        var wasBypassed = ReplicaBypass.CatchingUp;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var epoch = freshness.Epoch;
                if (epoch != targetEpoch || Stopwatch.GetTimestamp() >= nextSample)
                {
                    var position = await PositionAsync(primary, PrimarySql, stoppingToken);
                    behind.Sample(position);
                    nextSample = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
                    if (epoch != targetEpoch)
                    {
                        (target, targetEpoch) = (position, epoch);
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is published while the primary is down: the replica keeps whatever trust it had.
                PrimaryUnreachable(log, e);
                if (!await WaitAsync(Interval, stoppingToken))
                {
                    return;
                }

                continue;
            }

            try
            {
                var replayed = await PositionAsync(replica, ReplicaSql, stoppingToken);
                var lag = behind.Observe(replayed).TotalSeconds;
                if (lag > options.Value.MaxReplicaLagSeconds)
                {
                    freshness.Lagging(lag);
                }
                else if (replayed >= target)
                {
                    freshness.Trust(targetEpoch, lag);
                }
                else
                {
                    freshness.Measured(lag);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                freshness.Unreachable(clock.GetUtcNow());
                // Idle connections of a replica that went away are dead: the next probe opens a new one.
                replica.Clear();
                if (wasBypassed != ReplicaBypass.Unreachable)
                {
                    ReplicaUnreachable(log, e);
                }
            }

            metrics.ReplicaLag(freshness.LagSeconds);
            wasBypassed = Report(wasBypassed);
            if (!await WaitAsync(freshness.Bypass == ReplicaBypass.CatchingUp ? CatchingUpInterval : Interval, stoppingToken))
            {
                return;
            }
        }
    }

    private ReplicaBypass Report(ReplicaBypass before)
    {
        var now = freshness.Bypass;
        if (now == ReplicaBypass.Lagging && before != ReplicaBypass.Lagging)
        {
            ReplicaLagging(log, freshness.LagSeconds ?? 0, options.Value.MaxReplicaLagSeconds);
        }
        else if (now == ReplicaBypass.None && before is ReplicaBypass.Lagging or ReplicaBypass.Unreachable)
        {
            ReplicaBack(log);
        }

        return now;
    }

    private async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await freshness.WaitForChangeAsync(timeout, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Own(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "trainingapi-replica-monitor", Timeout = 2, CommandTimeout = 2, MaxPoolSize = 2 }.ConnectionString;

    private static async Task<NpgsqlLogSequenceNumber> PositionAsync(NpgsqlDataSource source, string sql, CancellationToken ct)
    {
        await using var command = source.CreateCommand(sql);
        // A standby that has not replayed anything yet answers null: as far behind as can be.
        return await command.ExecuteScalarAsync(ct) is NpgsqlLogSequenceNumber position ? position : default;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read replica does not answer; the catalogue is read from the primary until it does")]
    private static partial void ReplicaUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read replica is {Lag:0.0} s behind the primary (over {Max} s); the catalogue is read from the primary until it catches up")]
    private static partial void ReplicaLagging(ILogger logger, double lag, double max);

    [LoggerMessage(Level = LogLevel.Information, Message = "The read replica answers and is current again; the catalogue is read from it")]
    private static partial void ReplicaBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The primary does not answer the replica monitor")]
    private static partial void PrimaryUnreachable(ILogger logger, Exception exception);

    /// <summary>
    /// How long the replica has been behind: the age of the oldest primary position, sampled about once a second, that it has
    /// not replayed yet (zero when it has replayed them all). Unlike now() − pg_last_xact_replay_timestamp() it does not grow
    /// while the primary is idle.
    /// </summary>
    private sealed class LagClock
    {
        private const int MaxSamples = 3_600;
        private readonly Queue<(long At, NpgsqlLogSequenceNumber Position)> samples = new();
        private NpgsqlLogSequenceNumber last;

        public void Sample(NpgsqlLogSequenceNumber position)
        {
            // Past the cap the oldest samples are kept: the lag they measure only grows.
            if (position > last && samples.Count < MaxSamples)
            {
                samples.Enqueue((Stopwatch.GetTimestamp(), position));
                last = position;
            }
        }

        public TimeSpan Observe(NpgsqlLogSequenceNumber replayed)
        {
            while (samples.TryPeek(out var oldest) && oldest.Position <= replayed)
            {
                samples.Dequeue();
            }

            return samples.TryPeek(out var first) ? Stopwatch.GetElapsedTime(first.At) : TimeSpan.Zero;
        }
    }
}
