using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class GetEvaluationSummary
{
    /// <param name="MeanChange">Mean of (post − pre) over the responses that have both scores.</param>
    /// <param name="SatisfactionCounts">How many answered 1, 2, 3, 4 and 5.</param>
    public sealed record ModuleSummary(
        string ModuleAnchor, int Responses, double? MeanPre, double? MeanPost, double? MeanChange, int PairedScores,
        double? MeanSatisfaction, IReadOnlyList<int> SatisfactionCounts, IReadOnlyList<string> Comments);

    public sealed record Summary(Guid RecruitmentId, int Responses, IReadOnlyList<ModuleSummary> Modules);

    public sealed record Query(Guid RecruitmentId) : IQuery<Summary>;

    /// <summary>The evidence that makes the materials "tested": per module, over every cohort of the recruitment.</summary>
    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Summary>
    {
        public async ValueTask<Summary> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Set<Recruitment>().AnyAsync(r => r.Id == query.RecruitmentId, cancellationToken))
            {
                throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, query.RecruitmentId);
            }

            var responses = await db.Set<ModuleEvaluation>().AsNoTracking()
                .Where(e => db.Set<Cohort>().Any(c => c.Id == e.CohortId && c.RecruitmentId == query.RecruitmentId))
                .ToListAsync(cancellationToken);
            static double? Mean(IEnumerable<int> values) => values.Any() ? Math.Round(values.Average(), 2) : null;
            var modules = responses.GroupBy(r => r.ModuleAnchor).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var paired = g.Where(r => r.PreScore is not null && r.PostScore is not null).ToList();
                return new ModuleSummary(g.Key, g.Count(),
                    Mean(g.Where(r => r.PreScore is not null).Select(r => r.PreScore!.Value)),
                    Mean(g.Where(r => r.PostScore is not null).Select(r => r.PostScore!.Value)),
                    Mean(paired.Select(r => r.PostScore!.Value - r.PreScore!.Value)), paired.Count,
                    Mean(g.Where(r => r.Satisfaction is not null).Select(r => r.Satisfaction!.Value)),
                    [.. Enumerable.Range(1, 5).Select(score => g.Count(r => r.Satisfaction == score))],
                    [.. g.Where(r => r.Comment is not null).OrderBy(r => r.RecordedAt).Select(r => r.Comment!)]);
            }).ToList();
            return new Summary(query.RecruitmentId, responses.Count, modules);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapGet("/{recruitmentId:guid}/evaluation-summary", async (Guid recruitmentId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(recruitmentId), ct)))
            .WithName("GetEvaluationSummary")
            .WithSummary("Evaluation of the pilot per module")
            .WithDescription("Counts, mean knowledge scores before and after, the mean pre→post change (responses with both), mean satisfaction " +
                             "with its distribution, and the comments.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Summary(Guid.Parse("01936b30-1000-7000-8000-000000000020"), 3,
                [new ModuleSummary("modul-3", 3, 45.33, 76.67, 31.33, 3, 4.33, [0, 0, 1, 0, 2], ["Praktyczne przykłady z naszej gminy."])]));
}
