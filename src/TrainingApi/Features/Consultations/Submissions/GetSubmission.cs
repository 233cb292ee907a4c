using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Submissions;

public static class GetSubmission
{
    public sealed record Query(Guid Id) : IQuery<SubmissionView>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, SubmissionView>
    {
        public async ValueTask<SubmissionView> Handle(Query query, CancellationToken ct)
        {
            var submission = await access.FindVisibleAsync(db.Set<Submission>().AsNoTracking(), s => s.Id == query.Id,
                ConsultationsModule.SubmissionNoun, query.Id, ct);
            var comments = await db.Set<Comment>().AsNoTracking().Where(c => c.SubmissionId == submission.Id).ToListAsync(ct);
            return SubmissionView.From(submission, comments);
        }
    }

    public static void Map(RouteGroupBuilder submissions) =>
        submissions.MapGet("/{submissionId:guid}", async (Guid submissionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(submissionId), ct)))
            .WithName("GetConsultationSubmission")
            .WithSummary("Read a submission with its comments' status")
            .WithDescription("Every comment of the submission in its original order, with its status, disposition and duplicate flag. " +
                             "The full text and the response are in GET /api/v1/consultation-rounds/{roundId}/comments?submissionId=….")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Partner, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, SubmissionView.Example);
}
