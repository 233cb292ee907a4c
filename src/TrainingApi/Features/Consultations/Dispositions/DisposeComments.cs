using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;

namespace TrainingApi.Features.Consultations.Dispositions;

/// <summary>
/// Dispositions for many comments of a round in one request (53 comments: one call, not 106). All or nothing: see
/// <see cref="BulkCommentChanges"/>. Each comment is changed, audited and announced (`comment.disposed`) exactly as by
/// <see cref="DisposeComment"/>.
/// </summary>
public static class DisposeComments
{
    /// <summary>Items that would move a comment taken into a later version away from accepted (<c>refusedItems</c>).</summary>
    public static readonly ProblemShape<BulkCommentChanges.RefusedItemsMembers> CommentTakenIn = new("comment-taken-in", membersAlwaysSent: false); // one comment's refusal (Comment) has no items

    /// <param name="IfMatch">The comment's ETag as read (the `etag` of a listed comment), or `*`.</param>
    public sealed record Item(Guid CommentId, string IfMatch, Disposition Disposition, string Response);

    public sealed record Request([property: Required] IReadOnlyList<Item> Items);

    public sealed record Result(int Changed, IReadOnlyList<CommentView> Comments);

    public sealed record Command(Guid RoundId, IReadOnlyList<Item> Items) : ICommand<Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Items).NotEmpty().MaximumItems(BulkCommentChanges.MaxItems)
                .WithMessage(_ => BulkCommentChanges.TooManyItems.ToString());
            RuleForEach(c => c.Items).ChildRules(item =>
            {
                item.RuleFor(x => x.CommentId).NotEmpty();
                item.RuleFor(x => x.Disposition).IsInEnum();
                item.RuleFor(x => x.Response).NotEmpty().MaximumLength(Comment.ResponseMaxLength);
                item.RuleFor(x => x.IfMatch).Must(t => BulkCommentChanges.TryParseETag(t, out _)).WithMessage(_ => BulkCommentChanges.NotAnETag.ToString());
            }).WhenWithinCount(c => c.Items, BulkCommentChanges.MaxItems);
            RuleForEach(c => c.Items).NotNull();
            RuleForEach(c => c.Items).Must((c, item, _) => item is null || c.Items.Count(x => x?.CommentId == item.CommentId) == 1)
                .WithMessage(_ => BulkCommentChanges.DuplicateItem.ToString())
                .WhenWithinCount(c => c.Items, BulkCommentChanges.MaxItems);
        }
    }

    public sealed class Handler(TrainingDb db, Caller caller, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var round = await RoundLocks.ForShareAsync(db, command.RoundId, ct);
            round.EnsureNotPublished();
            var items = command.Items;
            var comments = await BulkCommentChanges.LoadAsync(db, round.Id, [.. items.Select(i => i.CommentId)], ct);
            await BulkCommentChanges.ExpectVersionsAsync(db, comments, [.. items.Select(i => BulkCommentChanges.TryParseETag(i.IfMatch, out var v) ? v : null)], ct);
            BulkCommentChanges.Refuse(
                [.. comments.Select((c, i) => (Index: i, Comment: c))
                    .Where(x => x.Comment.TakenIntoVersionId is not null && items[x.Index].Disposition is not (Disposition.Accepted or Disposition.PartlyAccepted))],
                new Text("Some comments were taken into a later version already; they can only stay accepted or partly accepted. Nothing was changed.",
                    "Część uwag uwzględniono już w późniejszej wersji; mogą pozostać tylko uwzględnione lub częściowo uwzględnione. Niczego nie zmieniono."),
                CommentTakenIn);

            var now = clock.UtcNowForDatabase();
            var submissionIds = comments.Select(c => c.SubmissionId).Distinct().ToList();
            var references = await db.Set<Submission>().Where(s => submissionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ExternalReference, ct);
            for (var i = 0; i < comments.Count; i++)
            {
                var (comment, item) = (comments[i], items[i]);
                var response = item.Response.Trim();
                comment.Answer(round, item.Disposition, response, caller.Subject!, now);
                events.Publish(new CommentDisposed(round.Id, comment.Id, comment.SubmissionId, references[comment.SubmissionId], comment.Position,
                    comment.OrganisationId, comment.Anchor, item.Disposition, response), comment.OrganisationId);
            }

            await SubmissionStamps.TouchAsync(db, submissionIds, now, ct);
            await db.SaveChangesAsync(ct);
            return new Result(comments.Count, [.. comments.Select(CommentView.From)]);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/{roundId:guid}/dispositions", async (Guid roundId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(roundId, r.Items), ct)))
            .WithName("DisposeConsultationComments")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, CommentTakenIn)
            .ProducesTypedProblem(StatusCodes.Status412PreconditionFailed, BulkCommentChanges.StaleItems)
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, BulkCommentChanges.UnknownComments)
            .WithSummary("Give many comments of a round their dispositions at once")
            .WithDescription($"1 to {BulkCommentChanges.MaxItems} items, each a comment of this round named once, with the `ifMatch` it was read at " +
                             "(the comment's `etag` in GET …/comments, or `*`), a disposition and a response. **All or nothing**: if any comment changed " +
                             "since it was read, the answer is 412 `stale-items` listing each such item with its current ETag; an item that is no comment " +
                             "of the round is 422 `unknown-comments`; nothing changes in either case. On success every comment is changed, audited and " +
                             "announced (`comment.disposed`) as by PUT …/disposition, and the answer lists them with their new ETags, in the order sent.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request([new Item(CommentView.Example.Id, CommentView.Example.Etag, Disposition.PartlyAccepted, CommentView.Example.Response!)]))
            .WithResponseExample(StatusCodes.Status200OK, new Result(1, [CommentView.Example]));
}
