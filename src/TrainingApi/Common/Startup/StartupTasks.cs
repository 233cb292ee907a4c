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
        // A test and benchmark switch that, left on in a real deployment, lets a subscriber aim deliveries at the internal
        // network: said at every start outside Development, as locally signed tokens are.
        if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<IOptions<Webhooks.WebhookOptions>>().Value.AllowInsecureUrls)
        {
            InsecureWebhookUrlsAllowed(log, app.Environment.EnvironmentName);
        }

        using var scope = app.Services.CreateScope();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await MigrateAsync(scope.ServiceProvider, log);
        }

        if (app.Configuration.GetValue<bool>("DemoData:Load"))
        {
            await LoadDemoDataAsync(app.Services, log, CancellationToken.None);
        }
    }

    /// <summary>
    /// Every slice's demo data, each loader after those it builds on, each in a scope and one transaction of its own (the
    /// commands it sends join it, so a loader that fails half-way leaves nothing and the next start tries it whole again).
    /// The system acts, in the programme team's role: the commands pass the checks the team's requests pass.
    /// </summary>
    public static async Task LoadDemoDataAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        var runner = services.GetRequiredService<UseCases.UseCaseRunner>();
        IReadOnlyList<Type> order;
        await using (var scope = services.CreateAsyncScope())
        {
            order = DemoDataOrder.Of(scope.ServiceProvider.GetServices<IDemoData>());
        }

        foreach (var loader in order)
        {
            await runner.RunAsync(UseCases.Actor.SystemAs(Roles.ProgrammeTeam), UseCases.UseCaseName.Of(loader),
                (inScope, token) => inScope.GetServices<IDemoData>().Single(d => d.GetType() == loader).LoadAsync(token), ct);
            DemoLoaded(log, UseCases.UseCaseName.Of(loader));
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

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Webhooks:AllowInsecureUrls is on in environment {Environment}: webhook subscriptions may name http URLs and loopback or private addresses, so deliveries can reach the internal network. For tests and benchmarks only.")]
    private static partial void InsecureWebhookUrlsAllowed(ILogger logger, string environment);
}
