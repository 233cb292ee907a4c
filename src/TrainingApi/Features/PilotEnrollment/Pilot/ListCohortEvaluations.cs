using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class ListCohortEvaluations
{
    /// <summary>One anonymous questionnaire about one module, as entered.</summary>
    public sealed record EvaluationView(Guid Id, Guid CohortId, string ModuleAnchor, int? PreScore, int? PostScore, int? Satisfaction, string? Comment,
        DateTimeOffset RecordedAt)
    {
        public static EvaluationView From(ModuleEvaluation e) => new(e.Id, e.CohortId, e.ModuleAnchor, e.PreScore, e.PostScore, e.Satisfaction, e.Comment, e.RecordedAt);

        public static readonly EvaluationView Example = new(Guid.Parse("01936b31-3000-7000-8000-000000000032"), Guid.Parse("01936b31-1000-7000-8000-000000000030"),
            "modul-3", 42, 78, 5, "Praktyczne przykłady z naszej gminy.", new DateTimeOffset(2024, 9, 17, 14, 0, 0, TimeSpan.Zero));
    }

    public sealed record Query(Guid CohortId, int Limit, string? Cursor) : IQuery<Page<EvaluationView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<EvaluationView>>
    {
        public async ValueTask<Page<EvaluationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Set<Cohort>().AnyAsync(c => c.Id == query.CohortId, cancellationToken))
            {
                throw Problem.NotFound(PilotEnrollmentModule.CohortNoun, query.CohortId);
            }

            return await db.Set<ModuleEvaluation>().AsNoTracking().Where(e => e.CohortId == query.CohortId)
                .ToKeysetPageAsync(e => e.RecordedAt, e => e.Id, query.Cursor, query.Limit, EvaluationView.From, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder cohorts) =>
        cohorts.MapGet("/{cohortId:guid}/evaluations", async (Guid cohortId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(cohortId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListCohortEvaluations")
            .WithSummary("The module evaluations recorded for a cohort")
            .WithDescription("Each anonymous response as entered, in the order recorded, paged by cursor; the same readers as the recruitment's " +
                             "evaluation summary (GET /api/v1/recruitments/{recruitmentId}/evaluation-summary), which aggregates them.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<EvaluationView>([EvaluationView.Example], null));
}
