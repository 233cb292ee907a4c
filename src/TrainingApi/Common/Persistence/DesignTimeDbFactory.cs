using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TrainingApi.Common.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host or a database.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<TrainingDb>
{
    public TrainingDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TrainingDb>();
        PersistenceSetup.Configure(builder, "Host=localhost;Database=trainingapi_design", new DatabaseOptions());
        return new TrainingDb(builder.Options);
    }
}
