namespace TrainingApi.Common.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "TrainingDb";

    /// <summary>Apply pending migrations when the API starts (Development); otherwise run the `migrate` command.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>How often a transient failure (lost connection, serialization failure) is retried.</summary>
    public int MaxRetryCount { get; set; } = 4;

    public int MaxRetryDelayMilliseconds { get; set; } = 1000;
}
