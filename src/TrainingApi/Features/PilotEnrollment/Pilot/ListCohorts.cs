using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class ListCohorts
{
    public sealed record CohortSummary(Guid Id, Guid RecruitmentId, string Name, IReadOnlyList<CohortJst> Jst, int Sessions, DateTimeOffset? FirstSessionAt);

    public sealed record Query(Guid RecruitmentId, int Limit, string? Cursor) : IQuery<Page<CohortSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    /// <summary>In order of creation. A coordinator sees the cohort its JST trains in, and of it only its own JST.</summary>
    public sealed class Handler(TrainingDb db, PilotAccess access) : IQueryHandler<Query, Page<CohortSummary>>
    {
        public async ValueTask<Page<CohortSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Set<Recruitment>().AnyAsync(r => r.Id == query.RecruitmentId, cancellationToken))
            {
                throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, query.RecruitmentId);
            }

            var page = await access.Cohorts().AsNoTracking().Where(c => c.RecruitmentId == query.RecruitmentId)
                .ToKeysetPageAsync(c => c.CreatedAt, c => c.Id, query.Cursor, query.Limit, c => c, cancellationToken);
            var ids = page.Items.Select(c => c.Id).ToList();
            var own = access.OwnJst;
            var members = await db.Set<CohortApplication>().Where(c => ids.Contains(c.CohortId))
                .Join(db.Set<Application>(), c => c.ApplicationId, a => a.Id, (c, a) => new { c.CohortId, a.Id, a.JstTeryt, Participants = a.Participants.Count })
                .Where(m => own == null || m.JstTeryt == own).ToListAsync(cancellationToken);
            var sessions = await db.Set<TrainingSession>().Where(s => ids.Contains(s.CohortId)).GroupBy(s => s.CohortId)
                .Select(g => new { g.Key, Count = g.Count(), First = g.Min(s => s.StartsAt) }).ToDictionaryAsync(g => g.Key, cancellationToken);
            return new Page<CohortSummary>([.. page.Items.Select(c => new CohortSummary(c.Id, c.RecruitmentId, c.Name,
                    [.. members.Where(m => m.CohortId == c.Id).OrderBy(m => m.JstTeryt, StringComparer.Ordinal).Select(m => CohortJst.Of(m.Id, m.JstTeryt, m.Participants))],
                    sessions.GetValueOrDefault(c.Id)?.Count ?? 0, sessions.GetValueOrDefault(c.Id)?.First))],
                page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapGet("/{recruitmentId:guid}/cohorts", async (Guid recruitmentId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(recruitmentId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListCohorts")
            .WithSummary("List a recruitment's training cohorts")
            .WithDescription("In order of creation, with their JST, number of sessions and first session. A coordinator sees only the cohort " +
                             "its JST trains in, and of its JST only its own.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<CohortSummary>([new CohortSummary(TimetableSession.Example.CohortId,
                Guid.Parse("01936b30-1000-7000-8000-000000000020"), TimetableSession.Example.CohortName, [CohortJst.Example], 5, TimetableSession.Example.StartsAt)], null));
}
