using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Persistence;
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
    public static Task<bool> InUseAsync(ApiFactory instance, TimeSpan within) => WaitForAsync(instance, f => f.UseReplica, within);

    /// <summary>
    /// Waits until the instance trusts the replica, then reads a page nothing has kept in memory yet (<paramref name="uncached"/>
    /// of the attempt) and answers whether a catalogue read connection is open on the replica afterwards. On a loaded machine the
    /// monitor's two-second probe can time out between the wait and the read, which rightly sends that read to the primary; so a
    /// read that found no connection is tried again, up to five times, and the states seen are returned for the failure message.
    /// </summary>
    public static async Task<(bool OnReplica, string Seen)> ReadsFromReplicaAsync(ApiFactory instance, ReplicaServer pair, Func<int, string> uncached)
    {
        var freshness = instance.Services.GetRequiredService<ReplicaFreshness>();
        var seen = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (!await InUseAsync(instance, TimeSpan.FromSeconds(30)))
            {
                seen.Add($"never trusted ({freshness.Bypass})");
                continue;
            }

            var response = await instance.CreateClient().GetAsync(uncached(attempt));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            if (await pair.ApiConnectionsOnReplicaAsync() > 0)
            {
                return (true, string.Join("; ", seen));
            }

            seen.Add($"read on the primary, now {freshness.Bypass}, lag {freshness.LagSeconds}");
        }

        return (false, string.Join("; ", seen));
    }

    /// <summary>
    /// Waits, on the instance's own signal (no polling), until its view of the replica satisfies <paramref name="condition"/>;
    /// whether it did within the time.
    /// </summary>
    public static async Task<bool> WaitForAsync(ApiFactory instance, Func<ReplicaFreshness, bool> condition, TimeSpan within)
    {
        var freshness = instance.Services.GetRequiredService<ReplicaFreshness>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // The signal is taken before the state is looked at, so a change in between still wakes the wait.
            var changed = freshness.StateChanged;
            if (condition(freshness))
            {
                return true;
            }

            var left = within - clock.Elapsed;
            try
            {
                await changed.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                return condition(freshness);
            }
        }
    }
}
