using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>What the fast lane keeps is bounded by entries and by bytes (keys and headers counted), whatever the requests name.</summary>
public sealed class PublicFastLaneBudgetTests(PublicFastLaneBudgetTests.Factory api) : IClassFixture<PublicFastLaneBudgetTests.Factory>
{
    private const int MaxEntries = 40;
    private const long MaxBytes = 20_000;

    [Fact]
    public async Task A_flood_of_distinct_searches_stays_within_the_entry_limit_and_the_byte_budget()
    {
        var client = api.CreateClient();
        var cache = api.Services.GetRequiredService<PublicResponseCache>();

        for (var i = 0; i < 200; i++)
        {
            // Known parameters with values nobody else asks for: each is a new key.
            var response = await client.GetAsync($"/api/v1/jst?name=x{i:D3}{new string('q', 50)}&limit=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var (entries, bytes) = cache.Usage("register");
        Assert.InRange(entries, 1, MaxEntries);
        Assert.InRange(bytes, 1, MaxBytes);
        // Served all the same once the budget is spent.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/jst?name=lod")).StatusCode);
    }

    public sealed class Factory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["PublicReads:MaxEntriesPerTag"] = MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PublicReads:MaxBytesPerTag"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
