using Microsoft.EntityFrameworkCore;

namespace TrainingApi.Common.Persistence;

public static class PersistenceSetup
{
    public const string MigrationsHistorySchema = "public";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));

        services.AddDbContext<TrainingDb>(db => Configure(db,
            configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No connection string 'ConnectionStrings:{DatabaseOptions.ConnectionStringName}' is configured. " +
                "Start the API with scripts/run.sh (it starts a local PostgreSQL), or set ConnectionStrings__TrainingDb."),
            options));
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder db, string connectionString, DatabaseOptions options) =>
        db.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history", MigrationsHistorySchema)
                .EnableRetryOnFailure(options.MaxRetryCount, TimeSpan.FromMilliseconds(options.MaxRetryDelayMilliseconds), null))
            .UseSnakeCaseNamingConvention();
}
