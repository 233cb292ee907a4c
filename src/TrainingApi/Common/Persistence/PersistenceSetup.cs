using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Persistence;

public static class PersistenceSetup
{
    public const string MigrationsHistorySchema = "public";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        // Read when the first DbContext is made, not now, so hosts and tests can still change configuration.
        services.AddDbContext<TrainingDb>((provider, db) => Configure(db,
            provider.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No connection string 'ConnectionStrings:{DatabaseOptions.ConnectionStringName}' is configured. " +
                "Start the API with scripts/run.sh (it starts a local PostgreSQL), or set ConnectionStrings__TrainingDb."),
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value)
            .AddInterceptors(provider.GetRequiredService<Audit.AuditInterceptor>()));
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder db, string connectionString, DatabaseOptions options) =>
        db.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history", MigrationsHistorySchema)
                .EnableRetryOnFailure(options.MaxRetryCount, TimeSpan.FromMilliseconds(options.MaxRetryDelayMilliseconds), null))
            .UseSnakeCaseNamingConvention();
}
