using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Telemetry;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// An optional read-only connection (<c>ConnectionStrings:TrainingDbReadOnly</c>, a streaming replica) for the public catalogue.
/// A handler asks for it with <c>[FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db</c> and gets a context on the replica
/// only while <see cref="ReplicaFreshness"/> trusts it (it answers, is not too far behind, and has replayed every catalogue change
/// this instance knows of); otherwise, and without the connection string, a context on the primary. So a replica's lag never
/// shows in the catalogue: it only moves reads to the primary for as long as it lasts (docs/operations.md).
/// </summary>
public sealed class ReadOnlyDatabase
{
    public const string Key = "read-only";
    public const string ConnectionStringName = "TrainingDbReadOnly";

    private readonly PooledDbContextFactory<TrainingDb>? replica;
    private readonly ReplicaFreshness freshness;
    private readonly BusinessMetrics metrics;

    public ReadOnlyDatabase(IConfiguration configuration, IOptions<DatabaseOptions> options, ReplicaFreshness freshness, BusinessMetrics metrics, TimeProvider clock)
    {
        this.freshness = freshness;
        this.metrics = metrics;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        var primary = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString) && !string.IsNullOrWhiteSpace(primary))
        {
            // No audit interceptor: nothing is ever saved through this context, and no change is tracked.
            var builder = new DbContextOptionsBuilder<TrainingDb>();
            PersistenceSetup.ConfigureCompiled(builder, connectionString, options.Value).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .AddInterceptors(new ReplicaFallbackInterceptor(freshness, metrics, clock, primary, connectionString));
            replica = new PooledDbContextFactory<TrainingDb>(builder.Options);
        }
    }

    public bool IsReplica => replica is not null;

    internal TrainingDb Lease(IServiceProvider services)
    {
        if (replica is not null)
        {
            if (freshness.UseReplica)
            {
                return replica.CreateDbContext();
            }

            metrics.CatalogueReadFromPrimary(freshness.Bypass);
        }

        return services.GetRequiredService<IDbContextFactory<TrainingDb>>().CreateDbContext();
    }
}

public static class ReadOnlyDatabaseSetup
{
    public static IServiceCollection AddReadOnlyDatabase(this IServiceCollection services)
    {
        services.AddSingleton(provider => new ReplicaFreshness
        {
            Configured = !string.IsNullOrWhiteSpace(provider.GetRequiredService<IConfiguration>().GetConnectionString(ReadOnlyDatabase.ConnectionStringName)),
        });
        services.AddSingleton<ReadOnlyDatabase>();
        services.AddHostedService<ReplicaMonitor>();
        // A context of its own per scope (never the scope's read-write one), returned to its pool when the scope ends.
        services.AddKeyedScoped(ReadOnlyDatabase.Key, (provider, _) => provider.GetRequiredService<ReadOnlyDatabase>().Lease(provider));
        return services;
    }
}
