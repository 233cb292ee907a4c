using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace TrainingApi.Features.Curriculum.Diff;

public enum DiffOperation
{
    Equal,
    Delete,
    Insert,
}

public sealed record DiffRun(DiffOperation Op, string Text);

/// <summary>A word-level diff (DiffPlex), folded into runs of equal, deleted and inserted text.</summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffRun> Between(string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false, ignoreCase: false, chunker: WordChunker.Instance);
        var runs = new List<DiffRun>();
        foreach (var piece in model.Lines)
        {
            var op = piece.Type switch
            {
                ChangeType.Deleted => DiffOperation.Delete,
                ChangeType.Inserted => DiffOperation.Insert,
                _ => DiffOperation.Equal,
            };
            if (piece.Type == ChangeType.Imaginary || string.IsNullOrEmpty(piece.Text))
            {
                continue;
            }

            if (runs.Count > 0 && runs[^1].Op == op)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + piece.Text };
            }
            else
            {
                runs.Add(new DiffRun(op, piece.Text));
            }
        }

        return runs;
    }
}
