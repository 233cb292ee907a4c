using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.Advisory.Reports;

public static class GetPilotAdvisoryReport
{
    public sealed record Query(Guid RecruitmentId) : IQuery<PilotAdvisoryReport>;

    public sealed class Handler(PilotParticipation pilot, EngagementReportBuilder builder) : IQueryHandler<Query, PilotAdvisoryReport>
    {
        public async ValueTask<PilotAdvisoryReport> Handle(Query query, CancellationToken ct) =>
            await pilot.RecruitmentExistsAsync(query.RecruitmentId, ct)
                ? await builder.ForPilotAsync(query.RecruitmentId, ct)
                : throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, query.RecruitmentId);
    }

    /// <summary>The CSV: one row per maturity area, with the means over the JST that have both diagnoses.</summary>
    public static byte[] Csv(PilotAdvisoryReport report) => CsvFiles.Write(report.Areas.Select(a => (IDictionary<string, object?>)new Dictionary<string, object?>
    {
        ["Kod obszaru"] = a.Area, ["Obszar"] = a.Name, ["Liczba JST z dwiema diagnozami"] = a.Engagements,
        ["Średni wynik początkowy"] = a.MeanInitial, ["Średni wynik końcowy"] = a.MeanClosing, ["Średnia zmiana"] = a.MeanChange,
    }));

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapGet("/{recruitmentId:guid}/advisory-report", async Task<Results<Ok<PilotAdvisoryReport>, FileContentHttpResult>> (
                Guid recruitmentId, string? format, IMediator mediator, CancellationToken ct) =>
            {
                var chosen = QueryEnum.Parse<AdvisoryReportFormat>(format, "format") ?? AdvisoryReportFormat.Json;
                var report = await mediator.Send(new Query(recruitmentId), ct);
                return chosen == AdvisoryReportFormat.Csv
                    ? TypedResults.File(Csv(report), CsvFiles.ContentType, "doradztwo-pilotaz.csv")
                    : TypedResults.Ok(report);
            })
            .WithName("GetPilotAdvisoryReport")
            .TakesEnum<AdvisoryReportFormat>("format")
            .WithSummary("Advisory across the pilot: change per maturity area, hours, stages")
            .WithDescription("Engagements per stage, hours budgeted, approved, used and left, and per area the mean initial and closing score and " +
                             "the mean change over the JST that have both diagnoses. `format=json` (default) or `csv` (one row per area).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry)
            .ProducesTextFile(StatusCodes.Status200OK, CsvFiles.ContentType, System.Text.Encoding.UTF8.GetString(Csv(PilotAdvisoryReport.Example)).TrimStart('\uFEFF'))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, PilotAdvisoryReport.Example);
}
