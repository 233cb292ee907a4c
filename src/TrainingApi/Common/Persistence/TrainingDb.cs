using Microsoft.EntityFrameworkCore;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// The one DbContext. It knows no feature: each slice contributes its tables through its own
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes (in its own schema), found in this assembly,
/// and reads them with <c>db.Set&lt;T&gt;()</c>.
/// </summary>
public sealed class TrainingDb(DbContextOptions<TrainingDb> options) : DbContext(options)
{
    /// <summary>The actor and use case of the scope that leased this (pooled) context, named in the audit entries its saves write.</summary>
    public UseCases.UseCaseContext UseCase { get; set; } = new();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrainingDb).Assembly);
}
