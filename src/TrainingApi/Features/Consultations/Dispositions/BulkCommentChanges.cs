using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Consultations.Submissions;

namespace TrainingApi.Features.Consultations.Dispositions;

/// <summary>
/// What the bulk changes of comments share. A batch is all or nothing: every comment must exist in the round and still be
/// at the version the client read (each item carries its own `ifMatch`, the comment's ETag), or nothing changes and the
/// problem lists every item at fault, so the client re-reads those and sends the batch again. The UPDATEs are conditional
/// on those versions too, so a write that slips in between the check and the save also refuses the batch (412). Items sent
/// with `*` lock their comments instead and land over whatever is current.
/// </summary>
public static class BulkCommentChanges
{
    public const int MaxItems = 200;

    /// <param name="Item">The item at fault, as a path in the body (<c>items[3]</c>).</param>
    public sealed record ItemRef(string Item, Guid CommentId);

    /// <param name="Item">The item at fault, as a path in the body (<c>items[3]</c>).</param>
    /// <param name="Etag">The comment's current ETag: read it again, or send this in the item's <c>ifMatch</c>.</param>
    public sealed record StaleItem(string Item, Guid CommentId, string Etag);

    public sealed record UnknownCommentsMembers(IReadOnlyList<ItemRef> UnknownItems);

    public sealed record StaleItemsMembers(IReadOnlyList<StaleItem> StaleItems);

    public sealed record RefusedItemsMembers(IReadOnlyList<ItemRef> RefusedItems);

    public static readonly ProblemShape<UnknownCommentsMembers> UnknownComments = new("unknown-comments");
    public static readonly ProblemShape<StaleItemsMembers> StaleItems = new("stale-items");

    public static readonly Text TooManyItems = new(
        $"A batch holds 1 to {MaxItems} comments; send more in further batches.",
        $"Partia obejmuje od 1 do {MaxItems} uwag; pozostałe wyślij w kolejnych partiach.");

    public static readonly Text DuplicateItem = new(
        "The same comment appears more than once in the batch; name each comment once.",
        "Ta sama uwaga występuje w partii więcej niż raz; każdą uwagę podaj raz.");

    public static readonly Text NotAnETag = new(
        "Give the comment's ETag as read (e.g. \"1234567\", from GET …/comments or the comment), or * for any version.",
        "Podaj ETag uwagi z odczytu (np. \"1234567\", z GET …/comments lub z uwagi) albo * dla dowolnej wersji.");

    /// <summary>The version an item's `ifMatch` names: null for <c>*</c>, the row version otherwise; false when it is not one of our tags.</summary>
    public static bool TryParseETag(string? ifMatch, out uint? version)
    {
        version = null;
        var text = ifMatch?.Trim() ?? "";
        if (text == "*")
        {
            return true;
        }

        if (text.Length < 3 || text[0] != '"' || text[^1] != '"')
        {
            return false;
        }

        var tag = text[1..^1];
        var hyphen = tag.IndexOf('-', StringComparison.Ordinal);
        if (!uint.TryParse(hyphen < 0 ? tag : tag[..hyphen], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        version = parsed;
        return true;
    }

    /// <summary>The batch's comments, tracked, in the order of the items; 422 naming every item that is not a comment of this round.</summary>
    public static async Task<List<Comment>> LoadAsync(TrainingDb db, Guid roundId, IReadOnlyList<Guid> commentIds, CancellationToken ct)
    {
        var found = await db.Set<Comment>().Where(c => c.RoundId == roundId && commentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var missing = commentIds.Select((id, i) => (Index: i, Id: id)).Where(x => !found.ContainsKey(x.Id)).ToList();
        if (missing.Count > 0)
        {
            throw UnknownComments.Refuse(ProblemKind.UnprocessableContent, new Text(
                $"{missing.Count} item(s) name no comment of this round (first: items[{missing[0].Index}], {missing[0].Id}); nothing was changed.",
                $"{missing.Count} pozycji nie wskazuje uwagi tych konsultacji (pierwsza: items[{missing[0].Index}], {missing[0].Id}); niczego nie zmieniono."),
                new([.. missing.Select(m => new ItemRef($"items[{m.Index}]", m.Id))]));
        }

        return [.. commentIds.Select(id => found[id])];
    }

    /// <summary>
    /// 412 naming every item whose comment changed since the client read it, with its current ETag; otherwise makes each UPDATE
    /// conditional on its ETag, and locks the comments of the items sent with `*` (see <see cref="ConcurrencyExtensions.ExpectVersionAsync{T}"/>).
    /// </summary>
    public static async Task ExpectVersionsAsync(TrainingDb db, IReadOnlyList<Comment> comments, IReadOnlyList<uint?> expected, CancellationToken ct)
    {
        var stale = comments.Select((c, i) => (Index: i, Comment: c)).Where(x => expected[x.Index] is { } v && x.Comment.Version != v).ToList();
        if (stale.Count > 0)
        {
            throw StaleItems.Refuse(ProblemKind.PreconditionFailed, new Text(
                    $"{stale.Count} comment(s) changed since you read them (first: items[{stale[0].Index}]); nothing was changed. Read them again " +
                    "(their current ETags are in staleItems) and resend the batch.",
                    $"{stale.Count} uwag zmieniło się od odczytu (pierwsza: items[{stale[0].Index}]); niczego nie zmieniono. Odczytaj je ponownie " +
                    "(aktualne ETagi są w staleItems) i wyślij partię jeszcze raz."),
                new([.. stale.Select(s => new StaleItem($"items[{s.Index}]", s.Comment.Id, Common.Http.EntityTags.Format(s.Comment.Version)))]));
        }

        await db.ExpectVersionsAsync(comments, expected, ct);
    }

    /// <summary>409 naming the items a rule of the comment refuses (the batch is refused whole).</summary>
    public static void Refuse(IReadOnlyList<(int Index, Comment Comment)> refused, Text detail, ProblemShape<RefusedItemsMembers> shape)
    {
        if (refused.Count > 0)
        {
            throw shape.Refuse(ProblemKind.Conflict, detail, new([.. refused.Select(r => new ItemRef($"items[{r.Index}]", r.Comment.Id))]));
        }
    }
}
