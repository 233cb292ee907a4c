using System.ComponentModel;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Submissions;

public static class ListComments
{
    public sealed record Query(
        Guid RoundId, Guid? OrganisationId, Guid? SubmissionId, string? Anchor, Disposition? Disposition, CommentStatus? Status, bool? Duplicate,
        int Limit, string? Cursor, DateTimeOffset? UpdatedSince = null) : IQuery<Page<CommentView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<CommentView>>
    {
        public async ValueTask<Page<CommentView>> Handle(Query query, CancellationToken ct)
        {
            var page = IsWholeRound(query) && access.SeesEverything<Comment>() ? await WholeRoundAsync(query, ct) : await FilteredAsync(query, ct);
            // Comments imply their round: only an empty page costs the second query that tells "no such round" (404) apart.
            if (page.Items.Count == 0)
            {
                await RoundLookup.EnsureExistsAsync(db, query.RoundId, ct);
            }

            return page;
        }

        private static bool IsWholeRound(Query query) =>
            query is { OrganisationId: null, SubmissionId: null, Anchor: null, Disposition: null, Status: null, Duplicate: null, UpdatedSince: null };

        /// <summary>
        /// The team's and experts' unfiltered page — the read an expert's screen makes over and over — as compiled queries: EF
        /// neither builds nor parameterises nor looks up the LINQ tree per request (docs/performance.md). Same rows, same order and
        /// same cursors as <see cref="FilteredAsync"/> would give (a test compares the two).
        /// </summary>
        private async Task<Page<CommentView>> WholeRoundAsync(Query query, CancellationToken ct)
        {
            var rows = new List<Comment>(query.Limit + 1);
            var source = KeysetCursor.Decode(query.Cursor) is { } after
                ? RoundPageAfter(db, query.RoundId, after.At, after.Id, query.Limit + 1)
                : RoundPage(db, query.RoundId, query.Limit + 1);
            await foreach (var row in source.WithCancellation(ct))
            {
                rows.Add(row);
            }

            return KeysetCursor.ToPage(rows, query.Limit, c => new KeysetCursor(c.SubmittedAt, c.Id), CommentView.From);
        }

        private async Task<Page<CommentView>> FilteredAsync(Query query, CancellationToken ct)
        {
            var comments = access.Visible(db.Set<Comment>().AsNoTracking()).Where(c => c.RoundId == query.RoundId);
            if (query.OrganisationId is { } organisationId)
            {
                comments = comments.Where(c => c.OrganisationId == organisationId);
            }

            if (query.SubmissionId is { } submissionId)
            {
                comments = comments.Where(c => c.SubmissionId == submissionId);
            }

            if (query.Anchor is { } anchor)
            {
                comments = anchor == GeneralAnchor ? comments.Where(c => c.Anchor == null) : comments.Where(c => c.Anchor == anchor);
            }

            if (query.Disposition is { } disposition)
            {
                comments = comments.Where(c => c.Disposition == disposition);
            }

            comments = query.Status switch
            {
                CommentStatus.AwaitingDisposition => comments.Where(c => c.Disposition == null),
                CommentStatus.Disposed => comments.Where(c => c.Disposition != null && c.TakenIntoVersionId == null),
                CommentStatus.TakenIn => comments.Where(c => c.TakenIntoVersionId != null),
                _ => comments,
            };
            if (query.Duplicate is { } duplicate)
            {
                comments = duplicate ? comments.Where(c => c.DuplicateOfId != null) : comments.Where(c => c.DuplicateOfId == null);
            }

            // The sync order (updatedSince): a row changed while a partner pages moves to the end and comes again, never skipped.
            return query.UpdatedSince is { } since
                ? await comments.Where(c => c.UpdatedAt >= since).ToKeysetPageAsync(c => c.UpdatedAt, c => c.Id, query.Cursor, query.Limit, CommentView.From, ct)
                : await comments.ToKeysetPageAsync(c => c.SubmittedAt, c => c.Id, query.Cursor, query.Limit, CommentView.From, ct);
        }
    }

    private static readonly Func<TrainingDb, Guid, int, IAsyncEnumerable<Comment>> RoundPage = EF.CompileAsyncQuery(
        (TrainingDb db, Guid round, int take) =>
            db.Set<Comment>().AsNoTracking().Where(c => c.RoundId == round).OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Take(take));

    private static readonly Func<TrainingDb, Guid, DateTimeOffset, Guid, int, IAsyncEnumerable<Comment>> RoundPageAfter = EF.CompileAsyncQuery(
        (TrainingDb db, Guid round, DateTimeOffset at, Guid id, int take) =>
            db.Set<Comment>().AsNoTracking()
                .Where(c => c.RoundId == round && EF.Functions.GreaterThan(ValueTuple.Create(c.SubmittedAt, c.Id), ValueTuple.Create(at, id)))
                .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Take(take));

    /// <summary>The value of the `anchor` filter that selects comments on the document as a whole.</summary>
    public const string GeneralAnchor = "general";

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}/comments",
                async (Guid roundId, Guid? organisationId, Guid? submissionId, string? anchor, string? disposition, string? status, bool? duplicate,
                        [Description(UpdatedSince.Description)] string? updatedSince, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(roundId, organisationId, submissionId, anchor,
                        QueryEnum.Parse<Disposition>(disposition, "disposition"), QueryEnum.Parse<CommentStatus>(status, "status"), duplicate,
                        limit ?? KeysetCursor.DefaultLimit, cursor, UpdatedSince.Parse(updatedSince)), ct)))
            .WithName("ListConsultationComments")
            .TakesEnum<CommentStatus>("status")
            .TakesEnum<Disposition>("disposition")
            .WithSummary("List a round's comments with their dispositions")
            .WithDescription("In the order received, paged by cursor. Filters: `organisationId`, `submissionId`, `anchor` (`general` for comments " +
                             "on the whole document), `disposition` (accepted, partly-accepted, rejected, noted), `status` (awaiting-disposition, " +
                             "disposed, taken-in), `duplicate`; `status=awaiting-disposition&anchor=modul-2` is the work left on one section. With `updatedSince`, only " +
                             "comments changed since then, in the order they changed (the partner's sync). A partner system sees only its organisation's " +
                             "comments, a coordinator only its JST's. Each comment carries its `etag` for If-Match and for bulk dispositions.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Partner, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<CommentView>([CommentView.Example], null));
}
