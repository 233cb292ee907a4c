using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;

namespace TrainingApi.Features.Consultations.Dispositions;

public static class DisposeComment
{
    public sealed record Request(Disposition Disposition, string Response);

    public sealed record Command(Guid CommentId, uint? ExpectedVersion, Disposition Disposition, string Response) : ICommand<Versioned<CommentView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Disposition).IsInEnum();
            RuleFor(c => c.Response).NotEmpty().MaximumLength(Comment.ResponseMaxLength);
        }
    }

    public sealed class Handler(TrainingDb db, Caller caller, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, Versioned<CommentView>>
    {
        public async ValueTask<Versioned<CommentView>> Handle(Command command, CancellationToken ct)
        {
            var comment = await db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == command.CommentId, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.CommentNoun, command.CommentId);
            await db.ExpectVersionAsync(comment, command.ExpectedVersion, ct);
            var round = await RoundLocks.ForShareAsync(db, comment.RoundId, ct);
            var response = command.Response.Trim();
            var now = clock.UtcNowForDatabase();
            comment.Answer(round, command.Disposition, response, caller.Subject!, now);
            await SubmissionStamps.TouchAsync(db, [comment.SubmissionId], now, ct);
            var reference = await db.Set<Submission>().Where(s => s.Id == comment.SubmissionId).Select(s => s.ExternalReference).FirstAsync(ct);
            events.Publish(new CommentDisposed(round.Id, comment.Id, comment.SubmissionId, reference, comment.Position, comment.OrganisationId, comment.Anchor,
                command.Disposition, response), comment.OrganisationId);
            await db.SaveChangesAsync(ct);
            return new(CommentView.From(comment), comment.Version);
        }
    }

    public static void Map(RouteGroupBuilder comments) =>
        comments.MapPut("/{commentId:guid}/disposition", async (Guid commentId, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(commentId, EntityTags.RequireIfMatch(http.Request), r.Disposition, r.Response), ct);
                http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("DisposeConsultationComment")
            .WithSummary("Give a comment its disposition and written response")
            .WithDescription("accepted, partly-accepted, rejected or noted, always with a response. It can be revised until the round's report is " +
                             "published (then 409 `report-published`). Every change is audited, and the organisation that made the comment gets a " +
                             "`comment.disposed` webhook. Requires If-Match with the comment's ETag.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(Disposition.PartlyAccepted, CommentView.Example.Response!))
            .WithResponseExample(StatusCodes.Status200OK, CommentView.Example);
}
