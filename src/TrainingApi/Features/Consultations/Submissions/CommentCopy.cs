using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.Consultations.Submissions;

/// <summary>
/// Writes a batch of new comments with PostgreSQL's binary COPY, inside the command's transaction: a 500-comment
/// batch is one round trip instead of 500 inserts tracked by EF. Column names come from the EF model, so the
/// mapping cannot drift from the migrations.
/// </summary>
public static class CommentCopy
{
    private static readonly (string Property, NpgsqlDbType Type, Func<Comment, object?> Value)[] Columns =
    [
        (nameof(Comment.Id), NpgsqlDbType.Uuid, c => c.Id),
        (nameof(Comment.SubmissionId), NpgsqlDbType.Uuid, c => c.SubmissionId),
        (nameof(Comment.RoundId), NpgsqlDbType.Uuid, c => c.RoundId),
        (nameof(Comment.OrganisationId), NpgsqlDbType.Uuid, c => c.OrganisationId),
        (nameof(Comment.Position), NpgsqlDbType.Integer, c => c.Position),
        (nameof(Comment.Anchor), NpgsqlDbType.Varchar, c => c.Anchor),
        (nameof(Comment.Quote), NpgsqlDbType.Varchar, c => c.Quote),
        (nameof(Comment.Content), NpgsqlDbType.Varchar, c => c.Content),
        (nameof(Comment.ProposedChange), NpgsqlDbType.Varchar, c => c.ProposedChange),
        (nameof(Comment.Justification), NpgsqlDbType.Varchar, c => c.Justification),
        (nameof(Comment.MemberJstTeryt), NpgsqlDbType.Varchar, c => c.MemberJstTeryt),
        (nameof(Comment.MemberJstName), NpgsqlDbType.Varchar, c => c.MemberJstName),
        (nameof(Comment.Fingerprint), NpgsqlDbType.Bytea, c => c.Fingerprint),
        (nameof(Comment.DuplicateOfId), NpgsqlDbType.Uuid, c => c.DuplicateOfId),
        (nameof(Comment.SubmittedAt), NpgsqlDbType.TimestampTz, c => c.SubmittedAt),
        (nameof(Comment.UpdatedAt), NpgsqlDbType.TimestampTz, c => c.UpdatedAt),
    ];

    public static async Task WriteAsync(TrainingDb db, IReadOnlyList<Comment> comments, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand(db.Model), ct);
        foreach (var comment in comments)
        {
            await importer.StartRowAsync(ct);
            foreach (var (_, type, value) in Columns)
            {
                if (value(comment) is { } v)
                {
                    await importer.WriteAsync(v, type, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static string? command;

    private static string CopyCommand(IModel model)
    {
        if (command is not null)
        {
            return command;
        }

        var entity = model.FindEntityType(typeof(Comment))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = Columns.Select(c => "\"" + entity.FindProperty(c.Property)!.GetColumnName(table) + "\"");
        return command = $"COPY \"{table.Schema}\".\"{table.Name}\" ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";
    }
}
