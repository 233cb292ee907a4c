using Npgsql;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

public sealed class CatalogueCacheOptions
{
    public const string Section = "Catalogue";

    /// <summary>
    /// Besides the notification a publication sends, how often each instance compares the catalogue's stamp (count and latest
    /// publication time) with the one it last saw, in case a change reached the database some other way. A poll that does not
    /// answer within as many seconds counts as a lost connection.
    /// </summary>
    public int PollSeconds { get; set; } = 5;
}

/// <summary>
/// Keeps this instance's <see cref="CatalogueCache"/> true to the database, which is all instances share: it LISTENs on
/// <see cref="CatalogueCache.Channel"/> on a connection of its own (PostgreSQL delivers a NOTIFY when the publishing transaction
/// commits, on every instance), evicts on every notification, and polls a stamp every few seconds. While it is not listening
/// (start-up, a lost connection) the catalogue is not kept in memory at all, so no instance ever serves a stale answer from
/// memory for longer than a notification's delivery, or PollSeconds × 2 when the connection dies silently. Each change also
/// distrusts the read replica (<see cref="ReplicaFreshness"/>), so what refills the cache is never read from a replica that has
/// not replayed the change.
/// </summary>
public sealed partial class CatalogueChangeListener(
    CatalogueCache cache, ReplicaFreshness replica, IConfiguration configuration, Microsoft.Extensions.Options.IOptions<CatalogueCacheOptions> options, ILogger<CatalogueChangeListener> log)
    : BackgroundService
{
    private const string StampSql =
        "SELECT count(*)::text || '|' || coalesce(max(greatest(published_at, superseded_at))::text, '') FROM handover.releases WHERE status <> 'Draft'";

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Not kept until the first LISTEN is in place.
        cache.Suspend();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrEmpty(connectionString))
        {
            return;
        }

        // Its own connection, outside the pool: a pooled one is reset (UNLISTEN) when returned.
        var own = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "trainingapi-catalogue-listener" }.ConnectionString;
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        var retry = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(own);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => Changed();
                await using (var listen = new NpgsqlCommand($"LISTEN {CatalogueCache.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                var stamp = await StampAsync(connection, poll, stoppingToken);
                // Whatever happened while nobody listened: forget it, then keep answers again.
                Changed();
                cache.Resume();
                Listening(log);
                retry = TimeSpan.FromMilliseconds(200);
                while (true)
                {
                    if (!await connection.WaitAsync(poll, stoppingToken))
                    {
                        var now = await StampAsync(connection, poll, stoppingToken);
                        if (now != stamp)
                        {
                            stamp = now;
                            Changed();
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                cache.Suspend();
                Lost(log, e, retry.TotalSeconds);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    /// <summary>
    /// The catalogue changed on the primary: the replica may not have replayed it yet, so it is distrusted before the eviction,
    /// and every refill reads the primary until the replica has caught up.
    /// </summary>
    private void Changed()
    {
        replica.Distrust();
        cache.Evict();
    }

    private static async Task<string> StampAsync(NpgsqlConnection connection, TimeSpan timeout, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StampSql, connection) { CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds) };
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listening for catalogue changes; the catalogue is served from memory")]
    private static partial void Listening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for catalogue changes (retry in {Seconds} s); the catalogue is read from the database meanwhile")]
    private static partial void Lost(ILogger logger, Exception exception, double seconds);
}
