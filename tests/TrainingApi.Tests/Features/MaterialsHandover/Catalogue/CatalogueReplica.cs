using System.Diagnostics;
using System.Text.Json;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>What an instance's readiness says about its read replica.</summary>
public static class CatalogueReplica
{
    /// <summary>The readiness check's status code and the replica's description (empty when the check is missing).</summary>
    public static async Task<(System.Net.HttpStatusCode Status, string Replica)> ReadinessAsync(ApiFactory instance)
    {
        var response = await instance.CreateClient().GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.GetProperty("checks").TryGetProperty("replica", out var replica)
            ? replica.GetProperty("description").GetString() ?? "" : "");
    }

    /// <summary>Waits until the instance reads the catalogue from the replica again; whether it does within the time.</summary>
    public static async Task<bool> InUseAsync(ApiFactory instance, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            if ((await ReadinessAsync(instance)).Replica.Contains("in use", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(50);
        }
        while (clock.Elapsed < within);

        return false;
    }

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), failure);
            await Task.Delay(50);
        }
    }
}
