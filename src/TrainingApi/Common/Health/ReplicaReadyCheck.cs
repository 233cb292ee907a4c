using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Health;

/// <summary>
/// The read replica is an optimisation: whatever its state the instance is ready while the primary is (that is the database
/// check), so this check is never unhealthy. It says where catalogue reads go and why, from what the replica monitor last saw:
/// no query of its own, so a probe costs the replica nothing.
/// </summary>
public sealed class ReplicaReadyCheck(ReplicaFreshness freshness, IOptions<ReplicaOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = freshness.LagSeconds is { } seconds ? $"{seconds:0.0} s behind" : "lag not measured yet";
        return Task.FromResult(!freshness.Configured
            ? HealthCheckResult.Healthy("No read replica is configured: the catalogue reads the primary.")
            : freshness.Bypass switch
            {
                ReplicaBypass.None => HealthCheckResult.Healthy($"The read replica is in use for the catalogue ({lag})."),
                ReplicaBypass.CatchingUp => HealthCheckResult.Healthy(
                    $"The read replica has not replayed the latest catalogue change yet ({lag}): the catalogue reads the primary until it has."),
                ReplicaBypass.Unreachable => HealthCheckResult.Degraded(
                    $"The read replica is bypassed: it does not answer (since {freshness.UnreachableSince:u}); the catalogue reads the primary."),
                _ => HealthCheckResult.Degraded(
                    $"The read replica is bypassed: it is {lag}, over Catalogue:MaxReplicaLagSeconds ({options.Value.MaxReplicaLagSeconds} s); the catalogue reads the primary."),
            });
    }
}
