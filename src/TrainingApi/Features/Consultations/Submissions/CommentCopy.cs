using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>
/// Writes a batch of new comments with PostgreSQL's binary COPY, inside the command's transaction: a 500-comment
/// batch is one round trip instead of 500 inserts tracked by EF. The columns, their types and values come from the EF
/// model (every mapped column but the row version, which PostgreSQL sets), so the COPY cannot drift from the migrations
/// and a new property of <see cref="Comment"/> is written without a change here.
/// </summary>
public static class CommentCopy
{
    private sealed record Column(string Name, NpgsqlDbType Type, Func<Comment, object?> Value);

    private sealed record Plan(string Command, Column[] Columns);

    private static Plan? plan;

    public static async Task WriteAsync(TrainingDb db, IReadOnlyList<Comment> comments, CancellationToken ct)
    {
        var (copy, columns) = PlanOf(db.Model);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var comment in comments)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.Value(comment) is { } v)
                {
                    await importer.WriteAsync(v, column.Type, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>The COPY statement the batch is written with (the architecture tests compare its columns with the model's).</summary>
    public static string CopyCommand(IModel model) => PlanOf(model).Command;

    private static Plan PlanOf(IModel model)
    {
        if (plan is not null)
        {
            return plan;
        }

        var entity = model.FindEntityType(typeof(Comment))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Column[] columns = [.. entity.GetProperties()
            .Where(p => p.ValueGenerated != ValueGenerated.OnAddOrUpdate && p.GetColumnName(table) is not null)
            .Select(p => ColumnOf(p, p.GetColumnName(table)!))];
        var command = $"COPY \"{table.Schema}\".\"{table.Name}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)";
        return plan = new Plan(command, columns);
    }

    private static Column ColumnOf(IProperty property, string name)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        var type = (Nullable.GetUnderlyingType(stored) ?? stored) switch
        {
            var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
            var t when t == typeof(int) => NpgsqlDbType.Integer,
            var t when t == typeof(long) => NpgsqlDbType.Bigint,
            var t when t == typeof(bool) => NpgsqlDbType.Boolean,
            var t when t == typeof(string) => property.GetColumnType().StartsWith("text", StringComparison.Ordinal) ? NpgsqlDbType.Text : NpgsqlDbType.Varchar,
            var t when t == typeof(byte[]) => NpgsqlDbType.Bytea,
            var t when t == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
            var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
            var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
            var t => throw new NotSupportedException($"CommentCopy cannot write {property.Name} ({t.Name}): add its PostgreSQL type here."),
        };
        return new Column(name, type, converter is null
            ? c => getter.GetClrValueUsingContainingEntity(c)
            : c => getter.GetClrValueUsingContainingEntity(c) is { } value ? converter.ConvertToProvider(value) : null);
    }
}
