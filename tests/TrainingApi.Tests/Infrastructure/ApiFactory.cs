using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// The API over HTTP in memory, on a PostgreSQL database of its own (one per test class).
/// Subclass and override <see cref="Configure"/> for settings a test class needs.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private PostgresServer? server;

    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        server = await PostgresServer.GetAsync();
        ConnectionString = await server.CreateDatabaseAsync();
    }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:TrainingDb", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("DemoData:Load", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    /// <summary>A DbContext on this class's database, to check what a request stored.</summary>
    public AsyncServiceScopeDb Db() => new(Services.CreateAsyncScope());

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (server is not null && ConnectionString.Length > 0)
        {
            await server.DropDatabaseAsync(ConnectionString);
        }
    }
}

public sealed class AsyncServiceScopeDb(AsyncServiceScope scope) : IAsyncDisposable
{
    public TrainingDb Context { get; } = scope.ServiceProvider.GetRequiredService<TrainingDb>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
