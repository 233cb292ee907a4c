using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public static class ListApplications
{
    public sealed record Query(Guid RecruitmentId, ApplicationStatus? Status, int Limit, string? Cursor) : IQuery<Page<ApplicationView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<ApplicationView>>
    {
        public async ValueTask<Page<ApplicationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Set<Recruitment>().AnyAsync(r => r.Id == query.RecruitmentId, cancellationToken))
            {
                throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, query.RecruitmentId);
            }

            var applications = access.Visible(db.Set<Application>().AsNoTracking()).Include(a => a.Participants).Where(a => a.RecruitmentId == query.RecruitmentId);
            if (query.Status is { } status)
            {
                applications = applications.Where(a => a.Status == status);
            }

            return await applications.ToKeysetPageAsync(a => a.SubmittedAt, a => a.Id, query.Cursor, query.Limit, ApplicationView.From, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapGet("/{recruitmentId:guid}/applications", async (Guid recruitmentId, string? status, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(recruitmentId, QueryEnum.Parse<ApplicationStatus>(status, "status"), limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListApplications")
            .TakesEnum<ApplicationStatus>("status")
            .WithSummary("List a recruitment's applications")
            .WithDescription("In order of arrival, filterable by status (the waiting list: `status=waitlisted`). A coordinator sees only its own JST's.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<ApplicationView>([ApplicationView.Example], null));
}
