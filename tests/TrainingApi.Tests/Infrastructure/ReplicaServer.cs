using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingApi.Common.Persistence;
using Cluster = TrainingApi.Tests.Infrastructure.PostgresServer.LocalCluster;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL primary with a real streaming replica, made of the machine's binaries for the tests of a replica behind the
/// catalogue: the primary streams its WAL (wal_level replica, replication allowed from loopback), the replica is its
/// <c>pg_basebackup -R</c> and applies every commit <see cref="ApplyDelay"/> late (<c>recovery_min_apply_delay</c>), so that it
/// always lags. A pair of its own rather than the shared server: a replica of that one would copy and replay every test class's
/// database. The tests using it run one after the other (<see cref="ReplicaCollection"/>), since one of them stops the replica.
/// </summary>
public sealed class ReplicaServer : IAsyncLifetime
{
    public static readonly TimeSpan ApplyDelay = TimeSpan.FromSeconds(3);

    /// <summary>The application name of the API's replica connections, to find them on the replica.</summary>
    public const string ReadsApplicationName = "trainingapi-catalogue-reads";

    private const string Database = "trainingapi";

    // Not the shared server's prefix: its sweep, in another test run starting meanwhile, would delete this pair's parent folder.
    private const string Prefix = "trainingapi-replica-";

    private string bin = "";
    private string primaryData = "";
    private string replicaData = "";
    private bool asRoot;
    private int replicaPort;

    public string PrimaryConnectionString { get; private set; } = "";

    public string ReplicaConnectionString { get; private set; } = "";

    /// <summary>Why the tests cannot run here (no PostgreSQL server binaries), or null.</summary>
    public static string? Unavailable =>
        Cluster.FindBinaries() is null ? "No PostgreSQL server binaries on this machine: a streaming replica needs initdb and pg_basebackup." : null;

    public async Task InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        bin = Cluster.FindBinaries()!;
        asRoot = Environment.UserName == "root";
        SweepLeftovers();
        var folder = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..8]);
        primaryData = Path.Combine(folder, "primary");
        replicaData = Path.Combine(folder, "replica");
        Directory.CreateDirectory(primaryData);
        Directory.CreateDirectory(replicaData);
        // pg_basebackup keeps the permissions of a folder that exists, and PostgreSQL starts only in a private one.
        await Cluster.RunAsync("chmod", $"700 {replicaData}");
        if (asRoot)
        {
            await Cluster.RunAsync("chown", $"-R postgres: {folder}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            StopAsync(replicaData, "immediate").GetAwaiter().GetResult();
            StopAsync(primaryData, "immediate").GetAwaiter().GetResult();
            Cluster.TryDelete(folder);
        };

        var primaryPort = Cluster.FreePort();
        await Cluster.RunAsOwnerAsync(asRoot, Path.Combine(bin, "initdb"), $"-D {primaryData} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
        // initdb's trust set-up already admits replication from loopback; said here so that the pair does not depend on it.
        await File.AppendAllTextAsync(Path.Combine(primaryData, "pg_hba.conf"), "\nhost replication postgres 127.0.0.1/32 trust\n");
        await StartAsync(primaryData, primaryPort, "-c wal_level=replica -c max_wal_senders=4");
        PrimaryConnectionString = $"Host=127.0.0.1;Port={primaryPort};Username=postgres;Database={Database};Include Error Detail=true";
        await CreateDatabaseAsync(primaryPort);

        await Cluster.RunAsOwnerAsync(asRoot, Path.Combine(bin, "pg_basebackup"), $"-h 127.0.0.1 -p {primaryPort} -U postgres -D {replicaData} -R -X stream -c fast");
        replicaPort = Cluster.FreePort();
        await StartAsync(replicaData, replicaPort, $"-c recovery_min_apply_delay={ApplyDelay.TotalMilliseconds}ms");
        ReplicaConnectionString = $"Host=127.0.0.1;Port={replicaPort};Username=postgres;Database={Database};Application Name={ReadsApplicationName}";
    }

    public async Task DisposeAsync()
    {
        if (primaryData.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await StopAsync(replicaData, "immediate");
        await StopAsync(primaryData, "immediate");
        Cluster.TryDelete(Path.GetDirectoryName(primaryData)!);
    }

    /// <summary>Pairs of runs killed before they could clean up: not running, and not made by a run that may still be starting.</summary>
    private static void SweepLeftovers()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (!File.Exists(Path.Combine(dir, "primary", "postmaster.pid")) && Directory.GetCreationTimeUtc(dir) < DateTime.UtcNow.AddHours(-1))
            {
                Cluster.TryDelete(dir);
            }
        }
    }

    /// <summary>Stops the replica as an operator would (clients are disconnected; the primary goes on).</summary>
    public Task StopReplicaAsync() => StopAsync(replicaData, "fast");

    public Task StartReplicaAsync() => StartAsync(replicaData, replicaPort, $"-c recovery_min_apply_delay={ApplyDelay.TotalMilliseconds}ms");

    /// <summary>Whether the replica has replayed the publication of a release (read on the replica itself).</summary>
    public async Task<bool> ReplicaHasPublishedAsync(Guid releaseId)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ReplicaConnectionString) { Pooling = false, ApplicationName = "tests" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM handover.releases WHERE id = @id AND status <> 'Draft'", connection);
        command.Parameters.AddWithValue("id", releaseId);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>How many of the API's catalogue connections the replica has (open or idle in the API's pool).</summary>
    public async Task<long> ApiConnectionsOnReplicaAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ReplicaConnectionString) { Pooling = false, ApplicationName = "tests" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", ReadsApplicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task CreateDatabaseAsync(int port)
    {
        await using (var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var options = new DbContextOptionsBuilder<TrainingDb>();
        PersistenceSetup.Configure(options, new NpgsqlConnectionStringBuilder(PrimaryConnectionString) { Pooling = false }.ConnectionString, new DatabaseOptions());
        await using var db = new TrainingDb(options.Options);
        await db.Database.MigrateAsync();
    }

    // As the shared test server: durability is not what the tests check.
    private Task StartAsync(string data, int port, string settings) =>
        Cluster.RunAsOwnerAsync(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {data} -w -t 60 -l {data}/server.log -o \"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' " +
            $"-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 {settings}\" start");

    private async Task StopAsync(string data, string mode)
    {
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await Cluster.RunAsOwnerAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -m {mode} -w stop");
        }
    }
}

/// <summary>The tests on <see cref="ReplicaServer"/>'s pair, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaServer>
{
    public const string Name = "streaming replica";
}

/// <summary>A test that needs a streaming replica made of the machine's PostgreSQL binaries; skipped, saying why, where there are none.</summary>
public sealed class ReplicaFactAttribute : FactAttribute
{
    public ReplicaFactAttribute() => Skip = ReplicaServer.Unavailable;
}

/// <summary>An API instance on <see cref="ReplicaServer"/>'s primary, reading the catalogue from its replica.</summary>
public sealed class ReplicaApiFactory(ReplicaServer pair, IReadOnlyDictionary<string, string?>? settings = null) : ApiFactory
{
    public override Task InitializeAsync()
    {
        SetConnectionString(pair.PrimaryConnectionString);
        return Task.CompletedTask;
    }

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["ConnectionStrings:TrainingDbReadOnly"] = pair.ReplicaConnectionString };
}
