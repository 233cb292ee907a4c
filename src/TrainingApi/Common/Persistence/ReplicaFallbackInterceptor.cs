using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using TrainingApi.Common.Telemetry;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// Opens a replica context's connection on the primary instead when the replica fails to connect, or when it stopped being
/// trusted after the context was leased (a catalogue change arrived mid-request): a read falls back for itself, at once,
/// rather than waiting out the retries and answering 503. The failure also tells <see cref="ReplicaFreshness"/>, so the
/// following reads go straight to the primary until the monitor sees the replica answer again. A connection that was open in
/// the pool when the replica went away only fails at its first command: that failure marks the replica unreachable too, and
/// the execution strategy's retry (at once, the first time) then opens on the primary.
/// </summary>
internal sealed class ReplicaFallbackInterceptor(ReplicaFreshness freshness, BusinessMetrics metrics, TimeProvider clock, string primary, string replica)
    : DbConnectionInterceptor, IDbCommandInterceptor
{
    // A pooled context keeps its connection object from lease to lease: one switched to the primary is switched back first.
    private readonly ConditionalWeakTable<DbConnection, object> onPrimary = [];

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (result.IsSuppressed)
        {
            return result;
        }

        if (Prepare(connection))
        {
            try
            {
                connection.Open();
                return InterceptionResult.Suppress();
            }
            catch (DbException)
            {
                Failed();
            }
        }

        OnPrimary(connection);
        connection.Open();
        return InterceptionResult.Suppress();
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (result.IsSuppressed)
        {
            return result;
        }

        if (Prepare(connection))
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                return InterceptionResult.Suppress();
            }
            catch (DbException) when (!cancellationToken.IsCancellationRequested)
            {
                Failed();
            }
        }

        OnPrimary(connection);
        await connection.OpenAsync(cancellationToken);
        return InterceptionResult.Suppress();
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Lost(command.Connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Lost(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Lost(DbConnection? connection, Exception exception)
    {
        if (connection is NpgsqlConnection replicaConnection && !onPrimary.TryGetValue(connection, out _) && IsConnectionLoss(exception))
        {
            Failed();
            // Its other idle connections died with it: not handed to the next reads once it is back.
            NpgsqlConnection.ClearPool(replicaConnection);
        }
    }

    /// <summary>The connection broke (network, the server shutting down), as opposed to an error in what was asked.</summary>
    private static bool IsConnectionLoss(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException => true,
        _ => exception.InnerException is { } inner && IsConnectionLoss(inner),
    };

    /// <summary>Whether to try the replica; a connection left on the primary by an earlier lease goes back to the replica.</summary>
    private bool Prepare(DbConnection connection)
    {
        if (onPrimary.Remove(connection))
        {
            connection.ConnectionString = replica;
        }

        return freshness.UseReplica;
    }

    private void Failed()
    {
        freshness.Unreachable(clock.GetUtcNow());
        metrics.CatalogueReadFromPrimary(ReplicaBypass.Unreachable);
    }

    private void OnPrimary(DbConnection connection)
    {
        connection.ConnectionString = primary;
        onPrimary.AddOrUpdate(connection, this);
    }
}
