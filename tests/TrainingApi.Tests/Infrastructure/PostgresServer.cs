using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Testcontainers.PostgreSql;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of one test run, chosen in this order: the server named by
/// TRAININGAPI_TEST_POSTGRES (an admin connection string); a Testcontainers container when a Docker
/// engine answers; else a throwaway cluster of the machine's PostgreSQL binaries, started in a temporary
/// folder and removed when the run ends. Each test class gets a database of its own, copied from a
/// template that has every migration applied, so classes run in parallel without seeing each other.
/// </summary>
public sealed class PostgresServer
{
    private const string TemplateDatabase = "trainingapi_template";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);

    private readonly string adminConnectionString;

    private PostgresServer(string adminConnectionString) => this.adminConnectionString = adminConnectionString;

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>A new database with the current schema; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        // CREATE DATABASE … TEMPLATE fails if another copy of the template is being made at the same time.
        await CreateLockedAsync($"CREATE DATABASE {name} TEMPLATE {TemplateDatabase}");
        return ConnectionStringFor(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

    private async Task CreateLockedAsync(string sql)
    {
        await CreateLock.WaitAsync();
        try
        {
            await ExecuteAsync(sql);
        }
        finally
        {
            CreateLock.Release();
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var admin = Environment.GetEnvironmentVariable("TRAININGAPI_TEST_POSTGRES")
                    ?? (await DockerAnswersAsync() ? await StartContainerAsync() : await LocalCluster.StartAsync());
        var server = new PostgresServer(admin);
        await server.CreateTemplateAsync();
        return server;
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS {TemplateDatabase} WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE {TemplateDatabase}");
        var options = new DbContextOptionsBuilder<TrainingDb>();
        PersistenceSetup.Configure(options,
            new NpgsqlConnectionStringBuilder(ConnectionStringFor(TemplateDatabase)) { Pooling = false }.ConnectionString,
            new DatabaseOptions());
        await using var db = new TrainingDb(options.Options);
        await db.Database.MigrateAsync();
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null)
            {
                return false;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await docker.WaitForExitAsync(timeout.Token);
            return docker.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<string> StartContainerAsync()
    {
        var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        await container.StartAsync();
        return container.GetConnectionString();
    }

    /// <summary>
    /// A private cluster of the machine's PostgreSQL binaries. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
    /// Its helpers also make the streaming pair of <see cref="ReplicaServer"/>.
    /// </summary>
    internal static class LocalCluster
    {
        public static async Task<string> StartAsync()
        {
            var bin = FindBinaries() ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and PATH). " +
                "Install them with `sudo apt-get install -y postgresql`, or set TRAININGAPI_TEST_POSTGRES to an admin connection string.");
            SweepLeftovers();
            var data = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(data);
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                await RunAsync("chown", $"postgres: {data}");
            }

            var port = FreePort();
            await RunAsOwnerAsync(asRoot, Path.Combine(bin, "initdb"), $"-D {data} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
            // Durability is not what the tests check, and every commit would wait for the disk (docs/performance.md#decision-record).
            await RunAsOwnerAsync(asRoot, Path.Combine(bin, "pg_ctl"),
                $"-D {data} -w -t 60 -l {data}/server.log -o \"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' " +
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400\" start");

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                RunAsOwnerAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w stop").GetAwaiter().GetResult();
                TryDelete(data);
            };
            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
        }

        internal const string Prefix = "trainingapi-tests-";

        /// <summary>Clusters of earlier runs that were killed before they could clean up (no postmaster.pid: not running).</summary>
        private static void SweepLeftovers()
        {
            foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
            {
                if (!File.Exists(Path.Combine(dir, "postmaster.pid")))
                {
                    TryDelete(dir);
                }
            }
        }

        /// <summary>Called once the server has stopped (pg_ctl waits for that).</summary>
        internal static void TryDelete(string dir)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Something still had a file open; the next run sweeps the leftover folder, so there is no need to wait here.
            }
        }

        internal static string? FindBinaries()
        {
            var candidates = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin"))
                : [];
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
            return candidates.Concat(onPath).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        }

        internal static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        internal static Task RunAsOwnerAsync(bool asRoot, string program, string arguments) =>
            asRoot ? RunAsync("runuser", $"-u postgres -- {program} {arguments}") : RunAsync(program, arguments);

        internal static async Task RunAsync(string program, string arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"Could not start {program}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await output} {await error}");
            }
        }
    }
}
