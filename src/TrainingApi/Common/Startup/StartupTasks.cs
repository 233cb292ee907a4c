using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Startup;

public static partial class StartupTasks
{
    /// <summary>Checks, migrations (when configured, i.e. in Development) and demo data (when asked for), before the API listens.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        app.EnsureAuthConfigured();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrainingApi.Startup");
        using var scope = app.Services.CreateScope();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await MigrateAsync(scope.ServiceProvider, log);
        }

        if (app.Configuration.GetValue<bool>("DemoData:Load"))
        {
            var runner = app.Services.GetRequiredService<UseCases.UseCaseRunner>();
            foreach (var loader in scope.ServiceProvider.GetServices<IDemoData>().OrderBy(d => d.Order).Select(d => d.GetType()))
            {
                // The system loads it, each slice in a scope of its own (the loader too, so the commands it sends run
                // as the system's use cases).
                await runner.InScopeAsync(UseCases.Actor.System, loader.Name, async (services, ct) =>
                {
                    await services.GetServices<IDemoData>().Single(d => d.GetType() == loader).LoadAsync(services, ct);
                    return true;
                }, CancellationToken.None);
                DemoLoaded(log, loader.Name);
            }
        }
    }

    /// <summary>Runs the API until it is stopped; a taken address ends it with one clear line and exit code 1, not a stack trace.</summary>
    public static async Task ServeAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync(
                $"TrainingApi cannot listen: {e.Message} Another process (perhaps another TrainingApi) is using it; stop that one or choose another address with ASPNETCORE_URLS.");
            Environment.ExitCode = 1;
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, ILogger log)
    {
        var db = services.GetRequiredService<TrainingDb>();
        await CreateDatabaseIfMissingAsync(db);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        // EF Core takes a PostgreSQL advisory lock while migrating, so several instances starting at once are safe.
        await db.Database.MigrateAsync();
        Migrated(log, pending.Count);
    }

    /// <summary>
    /// A first start creates the database itself. Asking EF Core for pending migrations first would try to connect to the
    /// missing database and log an error for what is an expected step; the creator's existence check expects that failure.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(TrainingDb db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync())
        {
            return;
        }

        try
        {
            await creator.CreateAsync();
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance starting at the same moment created it first.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} migration(s) applied")]
    private static partial void Migrated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded by {Loader}")]
    private static partial void DemoLoaded(ILogger logger, string loader);
}
