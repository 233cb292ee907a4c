using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Health;

/// <summary>Ready means: the database answers and every migration this build knows is applied.</summary>
public sealed class DatabaseReadyCheck(TrainingDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers and its schema is current.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied; run the migrate command.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
