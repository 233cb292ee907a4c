using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Tests.Infrastructure.Contract;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// The API over HTTP in memory, on a PostgreSQL database of its own (one per test class).
/// Subclass and override <see cref="Configure"/> for settings a test class needs.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string EncryptionKeyBase64 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private PostgresServer? server;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Whether this factory made the database (and so drops it), or joined another's.</summary>
    private bool ownsDatabase;

    protected void SetConnectionString(string connectionString) => ConnectionString = connectionString;

    public virtual async Task InitializeAsync()
    {
        server = await PostgresServer.GetAsync();
        ConnectionString = await server.CreateDatabaseAsync();
        ownsDatabase = true;
    }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:TrainingDb", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("DemoData:Load", "false");
        builder.UseSetting("Auth:DevelopmentSigningKey", TestTokens.SigningKeyBase64);
        // "Testing" is not Development: the tests' locally signed tokens need the explicit opt-in.
        builder.UseSetting("Auth:AllowLocalSigningKey", "true");
        builder.UseSetting("Encryption:Key", EncryptionKeyBase64);
        // Webhook workers run only where a test class turns them on (WebhookFactory), and may call loopback receivers.
        builder.UseSetting("Webhooks:WorkerEnabled", "false");
        builder.UseSetting("Webhooks:AllowInsecureUrls", "true");
        // High enough that only the rate-limit tests, which lower them, ever meet them.
        builder.UseSetting("RateLimits:PartnerPerMinute", "100000");
        builder.UseSetting("RateLimits:AnonymousPerMinute", "100000");
        builder.UseSetting("PublicBaseUrl", PublicBase);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        // Every answer of every test is held to the committed contract.
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ContractConformance>());
        builder.ConfigureTestServices(ConfigureServices);
    }

    /// <summary>The configured public address every absolute link must start with (never the request's Host).</summary>
    public const string PublicBase = "https://materialy.example.org/szkolenia";

    /// <summary>Replace services for a test class (a fixed clock, say).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A client with a bearer token for the role (a coordinator needs its JST's TERYT code).</summary>
    public HttpClient ClientAs(string role, string? teryt = null, string? subject = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(role, subject, teryt ?? (role == Roles.JstCoordinator ? "1465011" : null)));
        return client;
    }

    /// <summary>A client authenticated by a fresh API key of the organisation, issued by the programme team.</summary>
    public async Task<HttpClient> PartnerClientAsync(Guid organisationId)
    {
        var response = await ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/organisations/{organisationId}/api-keys", new { name = "test key" });
        var issued = await response.ShouldBeAsync<IssuedApiKey>(System.Net.HttpStatusCode.Created);
        return ClientWithKey(issued.Secret);
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeySecret.Header, key);
        return client;
    }

    /// <summary>A DbContext on this class's database, to check what a request stored.</summary>
    public AsyncServiceScopeDb Db() => new(Services.CreateAsyncScope());

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (server is not null && ownsDatabase)
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
