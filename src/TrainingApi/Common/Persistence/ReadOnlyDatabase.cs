using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// An optional read-only connection (<c>ConnectionStrings:TrainingDbReadOnly</c>, e.g. a streaming replica) for public
/// reads that may be slightly stale: the public catalogue. A handler asks for it with
/// <c>[FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db</c>; without the connection string it gets a context on the
/// primary, so nothing changes. What a replica answers lags the primary by its replication delay (docs/operations.md).
/// </summary>
public sealed class ReadOnlyDatabase
{
    public const string Key = "read-only";
    public const string ConnectionStringName = "TrainingDbReadOnly";

    private readonly PooledDbContextFactory<TrainingDb>? replica;

    public ReadOnlyDatabase(IConfiguration configuration, IOptions<DatabaseOptions> options)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            // No audit interceptor: nothing is ever saved through this context, and no change is tracked.
            var builder = new DbContextOptionsBuilder<TrainingDb>();
            PersistenceSetup.ConfigureCompiled(builder, connectionString, options.Value).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            replica = new PooledDbContextFactory<TrainingDb>(builder.Options);
        }
    }

    public bool IsReplica => replica is not null;

    internal TrainingDb Lease(IServiceProvider services) =>
        replica?.CreateDbContext() ?? services.GetRequiredService<IDbContextFactory<TrainingDb>>().CreateDbContext();
}

public static class ReadOnlyDatabaseSetup
{
    public static IServiceCollection AddReadOnlyDatabase(this IServiceCollection services)
    {
        services.AddSingleton<ReadOnlyDatabase>();
        // A context of its own per scope (never the scope's read-write one), returned to its pool when the scope ends.
        services.AddKeyedScoped(ReadOnlyDatabase.Key, (provider, _) => provider.GetRequiredService<ReadOnlyDatabase>().Lease(provider));
        return services;
    }
}
