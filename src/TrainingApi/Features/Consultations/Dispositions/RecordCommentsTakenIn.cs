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
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Consultations.Dispositions;

/// <summary>"Taken into version X" for many accepted comments of a round at once; all or nothing (<see cref="BulkCommentChanges"/>).</summary>
public static class RecordCommentsTakenIn
{
    /// <summary>Items whose comments are not accepted or partly accepted (<c>refusedItems</c>).</summary>
    public static readonly ProblemShape<BulkCommentChanges.RefusedItemsMembers> CommentNotAccepted = new("comment-not-accepted", membersAlwaysSent: false); // one comment's refusal (Comment) has no items

    public sealed record Item(Guid CommentId, string IfMatch);

    public sealed record Request(Guid VersionId, [property: Required] IReadOnlyList<Item> Items);

    public sealed record Command(Guid RoundId, Guid VersionId, IReadOnlyList<Item> Items) : ICommand<DisposeComments.Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VersionId).NotEmpty();
            RuleFor(c => c.Items).NotEmpty().MaximumItems(BulkCommentChanges.MaxItems)
                .WithMessage(_ => BulkCommentChanges.TooManyItems.ToString());
            RuleForEach(c => c.Items).ChildRules(item =>
            {
                item.RuleFor(x => x.CommentId).NotEmpty();
                item.RuleFor(x => x.IfMatch).Must(t => BulkCommentChanges.TryParseETag(t, out _)).WithMessage(_ => BulkCommentChanges.NotAnETag.ToString());
            }).WhenWithinCount(c => c.Items, BulkCommentChanges.MaxItems);
            RuleForEach(c => c.Items).NotNull();
            RuleForEach(c => c.Items).Must((c, item, _) => item is null || c.Items.Count(x => x?.CommentId == item.CommentId) == 1)
                .WithMessage(_ => BulkCommentChanges.DuplicateItem.ToString())
                .WhenWithinCount(c => c.Items, BulkCommentChanges.MaxItems);
        }
    }

    public sealed class Handler(TrainingDb db, VersionOutlines versions, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, DisposeComments.Result>
    {
        public async ValueTask<DisposeComments.Result> Handle(Command command, CancellationToken ct)
        {
            var round = await db.Set<Rounds.ConsultationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.RoundId, ct)
                        ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, command.RoundId);
            var version = await versions.FindHeaderAsync(command.VersionId, ct) ?? throw Problem.NotFound(CurriculumModule.VersionNoun, command.VersionId);
            if (version.ProgrammeId != round.ProgrammeId || command.VersionId == round.VersionId)
            {
                throw Problem.Unprocessable(new Text(
                    $"A comment on version {round.VersionLabel} is taken into a later version of the same programme; {version.Label} is not one.",
                    $"Uwagę do wersji {round.VersionLabel} uwzględnia się w późniejszej wersji tego samego programu; {version.Label} nią nie jest."),
                    "not-a-later-version");
            }

            var items = command.Items;
            var comments = await BulkCommentChanges.LoadAsync(db, round.Id, [.. items.Select(i => i.CommentId)], ct);
            await BulkCommentChanges.ExpectVersionsAsync(db, comments, [.. items.Select(i => BulkCommentChanges.TryParseETag(i.IfMatch, out var v) ? v : null)], ct);
            BulkCommentChanges.Refuse(
                [.. comments.Select((c, i) => (Index: i, Comment: c)).Where(x => x.Comment.Disposition is not (Disposition.Accepted or Disposition.PartlyAccepted))],
                new Text("Only accepted or partly accepted comments are taken into a version; the items in refusedItems are not. Nothing was changed.",
                    "W wersji uwzględnia się tylko uwagi uwzględnione lub częściowo uwzględnione; pozycje w refusedItems takie nie są. Niczego nie zmieniono."),
                CommentNotAccepted);

            var now = clock.UtcNowForDatabase();
            var submissionIds = comments.Select(c => c.SubmissionId).Distinct().ToList();
            var references = await db.Set<Submission>().Where(s => submissionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ExternalReference, ct);
            foreach (var comment in comments)
            {
                comment.TakeInto(command.VersionId, version.Label, now);
                events.Publish(new CommentTakenIn(round.Id, comment.Id, comment.SubmissionId, references[comment.SubmissionId], comment.Position,
                    comment.OrganisationId, command.VersionId, version.Label), comment.OrganisationId);
            }

            await SubmissionStamps.TouchAsync(db, submissionIds, now, ct);
            await db.SaveChangesAsync(ct);
            return new DisposeComments.Result(comments.Count, [.. comments.Select(CommentView.From)]);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/{roundId:guid}/taken-into", async (Guid roundId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(roundId, r.VersionId, r.Items), ct)))
            .WithName("RecordConsultationCommentsTakenIn")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, CommentNotAccepted)
            .ProducesTypedProblem(StatusCodes.Status412PreconditionFailed, BulkCommentChanges.StaleItems)
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, BulkCommentChanges.UnknownComments)
            .WithSummary("Record that many accepted comments were taken into a later version")
            .WithDescription($"1 to {BulkCommentChanges.MaxItems} comments of this round (each named once, with the `ifMatch` it was read at) taken " +
                             "into `versionId`, a later version of the same programme. All or nothing: a stale item is 412 `stale-items`, a comment " +
                             "not accepted or partly accepted 409 `comment-not-accepted` (refusedItems), an item that is no comment of the round 422 " +
                             "`unknown-comments`. Each organisation gets `comment.taken-in` per comment and from then on may read that version and its " +
                             "diff from the consulted one.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(Guid.Parse("01936b30-0000-7000-8000-000000000003"), [new Item(CommentView.Example.Id, CommentView.Example.Etag)]))
            .WithResponseExample(StatusCodes.Status200OK, new DisposeComments.Result(1, [CommentView.Example with
            {
                Status = CommentStatus.TakenIn, TakenIntoVersion = new VersionReference(Guid.Parse("01936b30-0000-7000-8000-000000000003"), "1.1"),
            }]));
}
