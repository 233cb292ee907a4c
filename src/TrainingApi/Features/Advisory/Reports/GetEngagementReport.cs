using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;

namespace TrainingApi.Features.Advisory.Reports;

public enum AdvisoryReportFormat
{
    Json,
    Csv,
}

public static class GetEngagementReport
{
    public sealed record Query(Guid EngagementId) : IQuery<EngagementReport>;

    public sealed class Handler(TrainingDb db, Access access, EngagementReportBuilder builder) : IQueryHandler<Query, EngagementReport>
    {
        public async ValueTask<EngagementReport> Handle(Query query, CancellationToken ct) =>
            await builder.ForEngagementAsync(await EngagementLookup.VisibleAsync(access, db, query.EngagementId, ct), ct);
    }

    /// <summary>The CSV: one row per maturity area, with the latest initial and closing scores and the change.</summary>
    public static byte[] Csv(EngagementReport report)
    {
        var initial = report.Diagnoses.LastOrDefault(d => d.Kind == Diagnoses.DiagnosisKind.Initial);
        var closing = report.Diagnoses.LastOrDefault(d => d.Kind == Diagnoses.DiagnosisKind.Closing);
        return CsvFiles.Write(MaturityFramework.Current.Areas.Select(a =>
        {
            var from = initial?.Areas.FirstOrDefault(x => x.Area == a.Code)?.Score;
            var to = closing?.Areas.FirstOrDefault(x => x.Area == a.Code)?.Score;
            return (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["JST"] = report.Engagement.JstName, ["TERYT"] = report.Engagement.JstTeryt, ["Kod obszaru"] = a.Code, ["Obszar"] = a.Name,
                ["Wynik początkowy"] = from, ["Wynik końcowy"] = to, ["Zmiana"] = from is { } f && to is { } t ? t - f : null,
            };
        }));
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapGet("/{engagementId:guid}/report", async Task<Results<Ok<EngagementReport>, FileContentHttpResult>> (
                Guid engagementId, string? format, IMediator mediator, CancellationToken ct) =>
            {
                var chosen = QueryEnum.Parse<AdvisoryReportFormat>(format, "format") ?? AdvisoryReportFormat.Json;
                var report = await mediator.Send(new Query(engagementId), ct);
                return chosen == AdvisoryReportFormat.Csv
                    ? TypedResults.File(Csv(report), CsvFiles.ContentType, $"doradztwo-{report.Engagement.JstTeryt}.csv")
                    : TypedResults.Ok(report);
            })
            .WithName("GetEngagementReport")
            .TakesEnum<AdvisoryReportFormat>("format")
            .WithSummary("Report of one engagement: diagnoses, change, plan progress, sessions, hours")
            .WithDescription("`format=json` (default) or `csv` (one row per maturity area: initial and closing score and the change; UTF-8, Polish headers).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesTextFile(StatusCodes.Status200OK, CsvFiles.ContentType, System.Text.Encoding.UTF8.GetString(Csv(EngagementReport.Example)).TrimStart('\uFEFF'))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, EngagementReport.Example);
}
