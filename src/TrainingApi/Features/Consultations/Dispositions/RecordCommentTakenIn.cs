using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Consultations.Dispositions;

public static class RecordCommentTakenIn
{
    public sealed record Request(Guid VersionId);

    public sealed record Command(Guid CommentId, uint? ExpectedVersion, Guid VersionId) : ICommand<Versioned<CommentView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.VersionId).NotEmpty();
    }

    public sealed class Handler(TrainingDb db, VersionOutlines versions, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, Versioned<CommentView>>
    {
        public async ValueTask<Versioned<CommentView>> Handle(Command command, CancellationToken ct)
        {
            var comment = await db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == command.CommentId, ct)
                          ?? throw Problem.NotFound(ConsultationsModule.CommentNoun, command.CommentId);
            await db.ExpectVersionAsync(comment, command.ExpectedVersion, ct);
            var round = await db.Set<ConsultationRound>().AsNoTracking().FirstAsync(r => r.Id == comment.RoundId, ct);
            var version = await versions.FindHeaderAsync(command.VersionId, ct) ?? throw Problem.NotFound(CurriculumModule.VersionNoun, command.VersionId);
            if (version.ProgrammeId != round.ProgrammeId || command.VersionId == round.VersionId)
            {
                throw Problem.Unprocessable(new Text(
                    $"A comment on version {round.VersionLabel} is taken into a later version of the same programme; {version.Label} is not one.",
                    $"Uwagę do wersji {round.VersionLabel} uwzględnia się w późniejszej wersji tego samego programu; {version.Label} nią nie jest."),
                    "not-a-later-version");
            }

            var now = clock.UtcNowForDatabase();
            comment.TakeInto(command.VersionId, version.Label, now);
            await SubmissionStamps.TouchAsync(db, [comment.SubmissionId], now, ct);
            var reference = await db.Set<Submission>().Where(s => s.Id == comment.SubmissionId).Select(s => s.ExternalReference).FirstAsync(ct);
            events.Publish(new CommentTakenIn(round.Id, comment.Id, comment.SubmissionId, reference, comment.Position, comment.OrganisationId,
                command.VersionId, version.Label), comment.OrganisationId);
            await db.SaveChangesAsync(ct);
            return new(CommentView.From(comment), comment.Version);
        }
    }

    public static void Map(RouteGroupBuilder comments) =>
        comments.MapPut("/{commentId:guid}/taken-into", async (Guid commentId, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(commentId, EntityTags.RequireIfMatch(http.Request), r.VersionId), ct);
                http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("RecordCommentTakenIn")
            .WithSummary("Record the version an accepted comment was taken into")
            .WithDescription("For a comment disposed as accepted or partly-accepted: the later version of the programme (e.g. 1.1) where it was " +
                             "worked in. Allowed after the report is published (it does not change the disposition); the organisation gets a " +
                             "`comment.taken-in` webhook. Requires If-Match.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(Guid.Parse("01936b30-0000-7000-8000-000000000003")))
            .WithResponseExample(StatusCodes.Status200OK, CommentView.Example with
            {
                Status = CommentStatus.TakenIn,
                TakenIntoVersion = new VersionReference(Guid.Parse("01936b30-0000-7000-8000-000000000003"), "1.1"),
            });
}
