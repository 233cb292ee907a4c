using Microsoft.EntityFrameworkCore;
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
            foreach (var demo in scope.ServiceProvider.GetServices<IDemoData>().OrderBy(d => d.Order))
            {
                await demo.LoadAsync(scope.ServiceProvider, CancellationToken.None);
                DemoLoaded(log, demo.GetType().Name);
            }
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, ILogger log)
    {
        var db = services.GetRequiredService<TrainingDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        // EF Core takes a PostgreSQL advisory lock while migrating, so several instances starting at once are safe.
        await db.Database.MigrateAsync();
        Migrated(log, pending.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} migration(s) applied")]
    private static partial void Migrated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded by {Loader}")]
    private static partial void DemoLoaded(ILogger logger, string loader);
}
