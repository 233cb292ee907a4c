using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common;

public sealed class HealthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Live_answers_200()
    {
        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_200_when_the_database_answers_and_is_migrated()
    {
        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_answers_503_when_a_migration_is_not_applied()
    {
        await using var lagging = new LaggingSchemaFactory();
        await lagging.InitializeAsync();
        await using (var db = lagging.Db())
        {
            await db.Context.Database.ExecuteSqlRawAsync(
                "DELETE FROM public.__ef_migrations_history WHERE migration_id = (SELECT max(migration_id) FROM public.__ef_migrations_history)");
        }

        var response = await lagging.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("migration", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ((IAsyncLifetime)lagging).DisposeAsync();
    }

    private sealed class LaggingSchemaFactory : ApiFactory;
}
