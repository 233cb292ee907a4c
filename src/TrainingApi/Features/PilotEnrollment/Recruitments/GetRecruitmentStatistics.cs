using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class GetRecruitmentStatistics
{
    public sealed record Count(string Key, string Name, int Jst);

    public sealed record Statistics(Guid RecruitmentId, int Applications, int Accepted, int Confirmed, int Completed, int Waitlisted, int Withdrawn, int Participants,
        IReadOnlyList<Count> ByVoivodeship, IReadOnlyList<Count> ByKind);

    public sealed record Query(Guid RecruitmentId) : IQuery<Statistics>;

    /// <summary>Taking part = accepted, confirmed or completed. Counts only: no person and no JST is named.</summary>
    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Statistics>
    {
        private static readonly ApplicationStatus[] TakingPart = [ApplicationStatus.Accepted, ApplicationStatus.Confirmed, ApplicationStatus.Completed];

        public async ValueTask<Statistics> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Set<Recruitment>().AnyAsync(r => r.Id == query.RecruitmentId, cancellationToken))
            {
                throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, query.RecruitmentId);
            }

            var rows = await db.Set<Application>().AsNoTracking().Where(a => a.RecruitmentId == query.RecruitmentId)
                .Select(a => new { a.JstTeryt, a.Status, Participants = a.Participants.Count }).ToListAsync(cancellationToken);
            var taking = rows.Where(r => TakingPart.Contains(r.Status)).Select(r => JstRegister.Find(r.JstTeryt)!).ToList();
            var voivodeships = JstRegister.All.Where(j => j.Kind == JstKind.Wojewodztwo).ToDictionary(j => j.VoivodeshipCode, j => j.Name);
            return new Statistics(query.RecruitmentId, rows.Count,
                rows.Count(r => r.Status == ApplicationStatus.Accepted), rows.Count(r => r.Status == ApplicationStatus.Confirmed),
                rows.Count(r => r.Status == ApplicationStatus.Completed),
                rows.Count(r => r.Status == ApplicationStatus.Waitlisted), rows.Count(r => r.Status == ApplicationStatus.Withdrawn),
                rows.Where(r => TakingPart.Contains(r.Status)).Sum(r => r.Participants),
                [.. taking.GroupBy(j => j.VoivodeshipCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Count(g.Key, voivodeships[g.Key], g.Count()))],
                [.. taking.GroupBy(j => j.Kind).OrderBy(g => g.Key).Select(g => new Count(Common.Http.QueryEnum.Name(g.Key), Common.Http.QueryEnum.Name(g.Key), g.Count()))]);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapGet("/{recruitmentId:guid}/statistics", async (Guid recruitmentId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(recruitmentId), ct)))
            .WithName("GetRecruitmentStatistics")
            .WithSummary("Statistics of a recruitment")
            .WithDescription("JST taking part (accepted, confirmed, completed) by voivodeship and by kind, participants, and applications by status.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Statistics(Guid.Parse("01936b30-1000-7000-8000-000000000020"), 212, 38, 12, 0, 150, 12, 131,
                [new Count("10", "ŁÓDZKIE", 4)], [new Count("gmina-wiejska", "gmina-wiejska", 21)]));
}
