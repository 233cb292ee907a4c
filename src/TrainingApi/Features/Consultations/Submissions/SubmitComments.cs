using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Common.Telemetry;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Consultations.Submissions;

public static class SubmitComments
{
    /// <param name="OpensAt">When the round takes comments from.</param>
    /// <param name="ClosesAt">When it stops taking them.</param>
    /// <param name="OpensAtWarsaw">The opening as a Warsaw date and time, for people.</param>
    /// <param name="ClosesAtWarsaw">The closing as a Warsaw date and time, for people.</param>
    public sealed record RoundNotOpenMembers(DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string OpensAtWarsaw, string ClosesAtWarsaw);

    /// <param name="Comment">The comment, as a path in the body (<c>comments[2]</c>).</param>
    /// <param name="Anchor">The anchor it names, which the consulted version does not have.</param>
    public sealed record UnknownAnchor(string Comment, string Anchor);

    /// <param name="Comment">The comment, as a path in the body (<c>comments[2]</c>).</param>
    /// <param name="Teryt">The TERYT code it names, which is not in the register.</param>
    public sealed record UnknownJst(string Comment, string Teryt);

    /// <param name="UnknownAnchors">The comments at fault (the first 50).</param>
    public sealed record UnknownAnchorMembers(IReadOnlyList<UnknownAnchor> UnknownAnchors);

    /// <param name="UnknownJst">The comments at fault (the first 50).</param>
    public sealed record UnknownTerytMembers(IReadOnlyList<UnknownJst> UnknownJst);

    /// <param name="SubmissionId">The submission sent earlier with that reference.</param>
    public sealed record ExternalReferenceUsedMembers(Guid SubmissionId);

    public static readonly ProblemShape<RoundNotOpenMembers> RoundNotOpen = new("round-not-open");
    public static readonly ProblemShape<UnknownAnchorMembers> UnknownAnchorRefusal = new("unknown-anchor");
    public static readonly ProblemShape<UnknownTerytMembers> UnknownTeryt = new("unknown-teryt", membersAlwaysSent: false); // a single TERYT elsewhere (Apply, AssignEngagement) comes bare
    public static readonly ProblemShape<ExternalReferenceUsedMembers> ExternalReferenceUsed = new("external-reference-used");

    /// <param name="Anchor">The section anchor in the consulted version; leave it out (null) for a general comment.</param>
    /// <param name="MemberJst">TERYT code of the member JST an association speaks for.</param>
    public sealed record CommentRequest(string? Anchor, string? Quote, string Content, string? ProposedChange, string? Justification, string? MemberJst);

    /// <param name="OrganisationId">Only when the programme team enters comments on an organisation's behalf.</param>
    /// <param name="MeetingId">Only for the programme team: the meeting of this round where the comments were gathered.</param>
    public sealed record Request(string? ExternalReference, Guid? OrganisationId, Guid? MeetingId, [property: Required] IReadOnlyList<CommentRequest> Comments);

    public sealed record Command(Guid RoundId, string? ExternalReference, Guid? OrganisationId, Guid? MeetingId, IReadOnlyList<CommentRequest> Comments)
        : ICommand<SubmissionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ExternalReference).MaximumLength(Submission.ExternalReferenceMaxLength);
            RuleFor(c => c.Comments).NotEmpty().MaximumItems(Submission.MaxComments)
                .WithMessage(_ => new Text($"A submission holds 1 to {Submission.MaxComments} comments; send more in further submissions.",
                    $"Zgłoszenie zawiera od 1 do {Submission.MaxComments} uwag; więcej wyślij w kolejnych zgłoszeniach.").ToString());
            // A null in the list would pass the child rules (they skip nulls) and fail in the handler.
            RuleForEach(c => c.Comments).NotNull().WhenWithinCount(c => c.Comments, Submission.MaxComments);
            RuleForEach(c => c.Comments).ChildRules(comment =>
            {
                comment.RuleFor(x => x.Anchor).MaximumLength(100);
                comment.RuleFor(x => x.Content).NotEmpty().MaximumLength(Comment.ContentMaxLength);
                comment.RuleFor(x => x.Quote).MaximumLength(Comment.QuoteMaxLength);
                comment.RuleFor(x => x.ProposedChange).MaximumLength(Comment.ProposedChangeMaxLength);
                comment.RuleFor(x => x.Justification).MaximumLength(Comment.JustificationMaxLength);
                comment.RuleFor(x => x.MemberJst).Matches("^([0-9]{2}|[0-9]{4}|[0-9]{7})$")
                    .WithMessage(_ => new Text("A TERYT code has 2, 4 or 7 digits.", "Kod TERYT ma 2, 4 lub 7 cyfr.").ToString());
            }).WhenWithinCount(c => c.Comments, Submission.MaxComments);
        }
    }

    public sealed class Handler(TrainingDb db, VersionOutlines versions, Caller caller, IJstDirectory jsts, TimeProvider clock, BusinessMetrics metrics) : ICommandHandler<Command, SubmissionView>
    {
        public async ValueTask<SubmissionView> Handle(Command command, CancellationToken ct)
        {
            var round = await RoundLocks.ForShareAsync(db, command.RoundId, ct);
            var now = clock.UtcNowForDatabase();
            var (organisationId, source) = await SenderAsync(command, now, ct);
            await EnsureWindowAsync(round, command.MeetingId, now, ct);

            var outline = await versions.FindFrozenAsync(round.VersionId, ct) ?? throw new InvalidOperationException($"Round {round.Id} names a missing version.");
            var comments = command.Comments;
            CheckAnchors(outline, comments);
            var members = ResolveMemberJst(comments);

            var reference = string.IsNullOrWhiteSpace(command.ExternalReference) ? null : command.ExternalReference.Trim();
            var submissionId = Guid.CreateVersion7(now);
            var fingerprints = comments.Select(c => CommentFingerprint.Of(round.Id, organisationId, Blank(c.Anchor), c.Content.Trim(), Blank(c.ProposedChange))).ToList();
            // One submission per organisation and round at a time, so duplicates are found among committed comments; the
            // lock and both lookups after it go in one round trip.
            var (used, earlier) = await db.AfterAdvisoryLockAsync(ConsultationsModule.SubmissionLock(round.Id, organisationId),
                [SubmissionLookups.ReferenceUsed(organisationId, reference), SubmissionLookups.PlanForTheseParameters(), SubmissionLookups.Originals(fingerprints)], SubmissionLookups.ReadAsync, ct);
            EnsureReferenceUnused(reference, used);

            var stored = new List<Comment>(comments.Count);
            for (var i = 0; i < comments.Count; i++)
            {
                var c = comments[i];
                var key = Convert.ToHexString(fingerprints[i]);
                var duplicateOf = earlier.TryGetValue(key, out var first) ? first : (Guid?)null;
                var comment = new Comment(Guid.CreateVersion7(now), submissionId, round.Id, organisationId, i + 1, Blank(c.Anchor), Blank(c.Quote),
                    c.Content.Trim(), Blank(c.ProposedChange), Blank(c.Justification), members[i]?.CanonicalTeryt, members[i]?.Name, fingerprints[i],
                    duplicateOf, now);
                earlier.TryAdd(key, comment.Id);
                stored.Add(comment);
            }

            var submission = new Submission(submissionId, round.Id, organisationId, reference, source, command.MeetingId, caller.Subject!, now,
                stored.Count, stored.Count(c => c.DuplicateOfId is not null));
            db.Add(submission);
            await db.SaveChangesAsync(ct);
            await CommentCopy.WriteAsync(db, stored, ct);
            metrics.CommentsIngested(stored.Count, source.ToString());
            return SubmissionView.From(submission, stored);
        }

        private async Task<(Guid OrganisationId, SubmissionSource Source)> SenderAsync(Command command, DateTimeOffset now, CancellationToken ct)
        {
            if (caller.Is(Roles.ProgrammeTeam))
            {
                if (command.OrganisationId is not { } onBehalfOf)
                {
                    throw Problem.Validation("organisationId", new Text("Name the organisation whose comments you enter.",
                        "Podaj organizację, której uwagi wprowadzasz."));
                }

                if (!await db.Set<Organisation>().AnyAsync(o => o.Id == onBehalfOf, ct))
                {
                    throw Problem.Unprocessable(new Text($"Organisation {onBehalfOf} is not in the register.", $"Organizacji {onBehalfOf} nie ma w rejestrze."),
                        "unknown-organisation");
                }

                return (onBehalfOf, SubmissionSource.ProgrammeTeam);
            }

            if (command.OrganisationId is not null || command.MeetingId is not null)
            {
                var field = command.OrganisationId is not null ? "organisationId" : "meetingId";
                throw Problem.Validation(field, new Text("Only the programme team enters comments on another organisation's behalf or from a meeting.",
                    "Tylko zespół projektu wprowadza uwagi w imieniu innej organizacji lub ze spotkania."));
            }

            if (caller.Is(Roles.Partner))
            {
                if (string.IsNullOrWhiteSpace(command.ExternalReference))
                {
                    throw Problem.Validation("externalReference", new Text("A partner system gives its own reference for every submission.",
                        "System partnera podaje własny identyfikator każdego zgłoszenia."));
                }

                return (caller.OrganisationId!.Value, SubmissionSource.PartnerSystem);
            }

            var jst = jsts.Find(caller.Teryt) ?? throw new InvalidOperationException("A coordinator token names a JST of the register.");
            return (await JstOrganisations.EnsureAsync(db, jst, now, ct), SubmissionSource.JstCoordinator);
        }

        /// <summary>
        /// Everyone comments while the round is open. The team may still enter comments gathered at one of the round's
        /// meetings after it closes, until the report is published: the meeting was in the window.
        /// </summary>
        private async Task EnsureWindowAsync(ConsultationRound round, Guid? meetingId, DateTimeOffset now, CancellationToken ct)
        {
            if (meetingId is { } id && !await db.Set<ConsultationMeeting>().AnyAsync(m => m.Id == id && m.RoundId == round.Id, ct))
            {
                throw Problem.Unprocessable(new Text($"Meeting {id} is not a meeting of this round.", $"Spotkanie {id} nie należy do tych konsultacji."),
                    "unknown-meeting");
            }

            var status = round.StatusAt(now);
            if (status == RoundStatus.Open || (status == RoundStatus.Closed && meetingId is not null))
            {
                return;
            }

            round.EnsureNotPublished();
            throw RoundNotOpen.Refuse(ProblemKind.Conflict, new Text(
                $"Round '{round.Title}' takes comments {round.Window.En}; it is {Common.Http.QueryEnum.Name(status)} now.",
                $"Konsultacje '{round.Title}' przyjmują uwagi {round.Window.Pl}; obecnie mają status {Common.Http.QueryEnum.Name(status)}."),
                new(round.OpensAt, round.ClosesAt, WarsawTime.Format(round.OpensAt), WarsawTime.Format(round.ClosesAt)));
        }

        /// <summary>Every bad anchor of the batch at once, each with the comment that names it, so a partner fixes them in one go.</summary>
        private static void CheckAnchors(FrozenOutline outline, IReadOnlyList<CommentRequest> comments)
        {
            var anchors = outline.Anchors;
            var unknown = comments.Select((c, i) => (Index: i, Anchor: Blank(c.Anchor)))
                .Where(c => c.Anchor is not null && !anchors.Contains(c.Anchor))
                .ToList();
            if (unknown.Count == 0)
            {
                return;
            }

            var first = unknown[0];
            throw UnknownAnchorRefusal.Refuse(ProblemKind.UnprocessableContent, new Text(
                $"Comment {first.Index + 1} (comments[{first.Index}]) is anchored to '{first.Anchor}', which version {outline.Label} does not have" +
                (unknown.Count > 1 ? $"; {unknown.Count - 1} more comment(s) too, listed in unknownAnchors." : ".") +
                $" See GET /api/v1/versions/{outline.Id}/sections, or leave the anchor out for a general comment. Nothing was stored.",
                $"Uwaga {first.Index + 1} (comments[{first.Index}]) dotyczy fragmentu '{first.Anchor}', którego nie ma w wersji {outline.Label}" +
                (unknown.Count > 1 ? $"; podobnie {unknown.Count - 1} inne uwagi, wymienione w unknownAnchors." : ".") +
                $" Zobacz GET /api/v1/versions/{outline.Id}/sections lub pomiń fragment w uwadze ogólnej. Nie zapisano żadnej uwagi."),
                new([.. unknown.Take(50).Select(u => new UnknownAnchor($"comments[{u.Index}]", u.Anchor!))]));
        }

        private JstUnit?[] ResolveMemberJst(IReadOnlyList<CommentRequest> comments)
        {
            var members = comments.Select(c => c.MemberJst is null ? null : jsts.Find(c.MemberJst)).ToArray();
            var unknown = comments.Select((c, i) => (Index: i, c.MemberJst)).Where(c => c.MemberJst is not null && members[c.Index] is null).ToList();
            if (unknown.Count > 0)
            {
                var first = unknown[0];
                throw UnknownTeryt.Refuse(ProblemKind.UnprocessableContent, new Text(
                    $"Comment {first.Index + 1} (comments[{first.Index}]) speaks for JST '{first.MemberJst}', which is not in the register (GUS TERC, 2024-01-01)" +
                    (unknown.Count > 1 ? $"; {unknown.Count - 1} more too." : ".") + " Nothing was stored.",
                    $"Uwaga {first.Index + 1} (comments[{first.Index}]) jest zgłaszana w imieniu JST '{first.MemberJst}', której nie ma w rejestrze (GUS TERC, 2024-01-01)" +
                    (unknown.Count > 1 ? $"; podobnie {unknown.Count - 1} inne." : ".") + " Nie zapisano żadnej uwagi."),
                    new([.. unknown.Take(50).Select(u => new UnknownJst($"comments[{u.Index}]", u.MemberJst!))]));
            }

            return members;
        }

        private static void EnsureReferenceUnused(string? reference, Guid? used)
        {
            if (used is { } id)
            {
                throw ExternalReferenceUsed.Refuse(ProblemKind.Conflict, new Text(
                    $"Your organisation already sent a submission with reference '{reference}' ({id}). Resending the same request? Use the same " +
                    "Idempotency-Key and you get the first answer back; a new submission needs a new reference.",
                    $"Twoja organizacja wysłała już zgłoszenie z identyfikatorem '{reference}' ({id}). Jeśli to ponowienie, użyj tego samego " +
                    "Idempotency-Key, a otrzymasz pierwszą odpowiedź; nowe zgłoszenie wymaga nowego identyfikatora."),
                    new(id));
            }
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/{roundId:guid}/submissions", async (Guid roundId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(roundId, r.ExternalReference, r.OrganisationId, r.MeetingId, r.Comments), ct);
                return TypedResults.Created($"/api/v1/consultation-submissions/{created.Id}", created);
            })
            .WithName("SubmitConsultationComments")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, RoundNotOpen, ExternalReferenceUsed)
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, UnknownAnchorRefusal, UnknownTeryt)
            .WithSummary("Submit a batch of consultation comments")
            .WithDescription("1 to 500 comments in one request, all stored or none. A partner system sends its own `externalReference` " +
                             "(unique per organisation) and an `Idempotency-Key` (required): resending the same request with the same key answers " +
                             "the stored result and stores nothing twice. A coordinator comments as its JST; the programme team enters comments on " +
                             "an organisation's behalf (`organisationId`), optionally from one of the round's meetings (`meetingId`, accepted until " +
                             "the report is published). Each comment is anchored to a section of the consulted version or general (no anchor). " +
                             "Outside the window → 409 `round-not-open` naming it; an anchor the version lacks → 422 `unknown-anchor` naming the " +
                             "comment and anchor. A comment with the same text on the same anchor as an earlier one of the same organisation is " +
                             "stored and flagged with `duplicateOf`.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.JstCoordinator)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request("ZMP/KONS/2024/017", null, null,
            [
                new CommentRequest("modul-2", "Samorząd opracowuje politykę bezpieczeństwa informacji dla wszystkich szkół.",
                    "Moduł nie mówi, kto w JST odpowiada za cyberbezpieczeństwo szkół prowadzonych przez gminę.",
                    "Dodać jednostkę o podziale ról między JST, CUW i dyrektorów szkół.",
                    "W małych gminach szkoły nie mają własnych informatyków.", "1465011"),
                new CommentRequest(null, null, "Program powinien uwzględniać samorządy bez centrum usług wspólnych.", null, null, null),
            ]))
            .WithResponseExample(StatusCodes.Status201Created, SubmissionView.Example);
}
