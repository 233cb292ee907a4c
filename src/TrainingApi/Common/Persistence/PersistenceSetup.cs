using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Persistence;

public static class PersistenceSetup
{
    public const string MigrationsHistorySchema = "public";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<ReplicaOptions>(configuration.GetSection(ReplicaOptions.Section));
        // Pooled: a context is reset and reused rather than built per request (building one resolved EF's internal
        // services and our interceptor each time; docs/performance.md#decision-record). The options are read when the pool is first
        // used, not now, so hosts and tests can still change configuration.
        services.AddPooledDbContextFactory<TrainingDb>((provider, db) => ConfigureCompiled(db,
            provider.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No connection string 'ConnectionStrings:{DatabaseOptions.ConnectionStringName}' is configured. " +
                "Start the API with scripts/run.sh (it starts a local PostgreSQL), or set ConnectionStrings__TrainingDb."),
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value)
            .AddInterceptors(provider.GetRequiredService<Audit.AuditInterceptor>()));
        // One context per scope, leased from the pool and returned when the scope ends; it carries the scope's
        // actor and use case for the (shared) audit interceptor.
        services.AddScoped(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<TrainingDb>>().CreateDbContext();
            db.UseCase = provider.GetRequiredService<UseCases.UseCaseContext>();
            return db;
        });
        services.AddReadOnlyDatabase();
        return services;
    }

    /// <summary>
    /// As <see cref="Configure"/>, with the model compiled ahead of time (CompiledModel/, made by `dotnet ef dbcontext optimize`;
    /// docs/configuration.md says how to regenerate it, and CompiledModelTests fails when it differs from the configurations):
    /// otherwise every start builds the model from the configurations, JIT-compiling many of EF's generic methods on the way
    /// (docs/performance.md#decision-record).
    /// EF would also find it by its [DbContext] attribute; naming it keeps that visible. Migrations and `dotnet ef` compare
    /// against the design-time model, which EF always builds from the configurations.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureCompiled(DbContextOptionsBuilder db, string connectionString, DatabaseOptions options) =>
        Configure(db, connectionString, options).UseModel(CompiledModel.TrainingDbModel.Instance);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder db, string connectionString, DatabaseOptions options) =>
        db.UseNpgsql(ConnectionTuning.Apply(connectionString), npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history", MigrationsHistorySchema)
                .EnableRetryOnFailure(options.MaxRetryCount, TimeSpan.FromMilliseconds(options.MaxRetryDelayMilliseconds), null))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(QueueClaims.LockClause);
}
