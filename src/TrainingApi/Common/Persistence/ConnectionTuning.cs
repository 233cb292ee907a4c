using Npgsql;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// The connection settings every deployment wants, applied by the API itself so that no deployment can forget them
/// (docker-compose, the Kubernetes secret and a hand-written connection string all once lacked them, and each pooled
/// connection then ran DISCARD ALL on return and planned every statement afresh; docs/performance.md#decision-record).
/// A setting the connection string states explicitly wins.
/// <list type="bullet">
/// <item>Max Auto Prepare 50: the statements of the hot paths are prepared once per connection and reused.</item>
/// <item>No Reset On Close: a connection returned to the pool is not reset with DISCARD ALL, which would also drop those
/// prepared statements. The API keeps no session state on pooled connections: its advisory locks are transaction-scoped,
/// and the only LISTEN runs on a connection of its own outside the pool.</item>
/// </list>
/// </summary>
public static class ConnectionTuning
{
    public const int MaxAutoPrepare = 50;

    public static string Apply(string connectionString)
    {
        // What the string itself says (NpgsqlConnectionStringBuilder.ContainsKey answers for every keyword it knows, set or not).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
