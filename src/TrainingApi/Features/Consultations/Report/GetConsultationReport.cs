using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Report;

public enum ReportFormat
{
    Json,
    Csv,
    Xlsx,

    /// <summary>CSV as Excel with Polish regional settings opens it in columns (`;`, decimal comma, BOM): `csv-excel-pl`.</summary>
    CsvExcelPl,
}

public static class GetConsultationReport
{
    /// <summary>The report's tag, from row versions only, so that a client whose copy is current costs one small query, not a report.</summary>
    public sealed record TagQuery(Guid RoundId, ReportFilter Filter, ReportFormat Format) : IQuery<Tagged>;

    public sealed record Tagged(uint Tag, bool Published);

    public sealed record Query(Guid RoundId, ReportFilter Filter) : IQuery<ConsultationReportView>;

    public sealed class TagHandler(TrainingDb db, Caller caller, ConsultationReportBuilder builder) : IQueryHandler<TagQuery, Tagged>
    {
        public async ValueTask<Tagged> Handle(TagQuery query, CancellationToken ct)
        {
            var round = await VisibleRoundAsync(db, caller, query.RoundId, ct);
            var filter = query.Filter;
            var tag = EntityTags.Combine(await builder.StampAsync(round, ct), query.Format, filter.OrganisationId ?? Guid.Empty, filter.Anchor ?? "",
                filter.Disposition?.ToString() ?? "");
            return new Tagged(tag, round.ReportPublishedAt is not null);
        }
    }

    public sealed class Handler(TrainingDb db, Caller caller, ConsultationReportBuilder builder) : IQueryHandler<Query, ConsultationReportView>
    {
        public async ValueTask<ConsultationReportView> Handle(Query query, CancellationToken ct) =>
            await builder.BuildAsync(await VisibleRoundAsync(db, caller, query.RoundId, ct), query.Filter, ct);
    }

    private static async Task<ConsultationRound> VisibleRoundAsync(TrainingDb db, Caller caller, Guid roundId, CancellationToken ct)
    {
        var round = await db.Set<ConsultationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct)
                    ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, roundId);
        if (round.ReportPublishedAt is null && !caller.Is(Roles.ProgrammeTeam) && !caller.Is(Roles.Expert))
        {
            throw Problem.NotFound(new Text(
                $"The report of round '{round.Title}' is not published yet; it becomes public when the programme team publishes it after the round.",
                $"Zestawienie uwag konsultacji '{round.Title}' nie zostało jeszcze opublikowane; zespół projektu publikuje je po zakończeniu konsultacji."),
                code: "report-not-published");
        }

        return round;
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapMethods("/{roundId:guid}/report", Downloads.GetAndHead,
                async Task<Results<Ok<ConsultationReportView>, FileContentHttpResult, StatusCodeHttpResult>> (
                    Guid roundId, string? format, Guid? organisationId, string? anchor, string? disposition, IMediator mediator, HttpContext http,
                    CancellationToken ct) =>
                {
                    var chosen = Negotiate(format, http.Request);
                    var filter = new ReportFilter(organisationId, string.IsNullOrWhiteSpace(anchor) ? null : anchor,
                        QueryEnum.Parse<Disposition>(disposition, "disposition"));
                    var tagged = await mediator.Send(new TagQuery(roundId, filter, chosen), ct);
                    http.Response.Headers.Vary = "Accept, Authorization, X-Api-Key";
                    http.Response.Headers.CacheControl = tagged.Published ? "public, max-age=300" : "private, no-store";
                    var etag = EntityTags.Format(tagged.Tag);
                    if (ConditionalGet.ClientIsCurrent(http, etag))
                    {
                        return ConditionalGet.NotModified(http, chosen switch
                        {
                            ReportFormat.Xlsx => ReportFiles.XlsxType,
                            ReportFormat.Csv or ReportFormat.CsvExcelPl => ReportFiles.CsvType,
                            _ => "application/json",
                        });
                    }

                    var report = await mediator.Send(new Query(roundId, filter), ct);
                    var name = $"zestawienie-uwag-{report.VersionLabel}-{roundId.ToString()[..8]}";
                    return chosen switch
                    {
                        ReportFormat.Csv => ConditionalGet.Download(ReportFiles.Csv(report), ReportFiles.CsvType, name + ".csv", etag),
                        ReportFormat.Xlsx => ConditionalGet.Download(ReportFiles.Xlsx(report), ReportFiles.XlsxType, name + ".xlsx", etag),
                        ReportFormat.CsvExcelPl => ConditionalGet.Download(ReportFiles.CsvExcelPolish(report), ReportFiles.CsvType, name + "-excel-pl.csv", etag),
                        _ => TypedResults.Ok(report),
                    };
                })
            .WithName("GetConsultationReport")
            .TakesEnum<ReportFormat>("format")
            .TakesEnum<Disposition>("disposition")
            .WithSummary("The consultation report (zestawienie uwag) as JSON, CSV or XLSX")
            .WithDescription("Every comment of the round with its disposition, numbered (Lp.) in document order, with counts by disposition, " +
                             "organisation and section. `format` is json (default), csv (RFC 4180: UTF-8 with BOM, Polish headers), csv-excel-pl (the same " +
                             "table as Excel with Polish regional settings opens it: `;` between fields, decimal commas) or xlsx (a workbook with " +
                             "the comments and a summary sheet); an Accept of text/csv or the XLSX media type chooses too. Filters: " +
                             "`organisationId`, `anchor` (`general` for general comments), `disposition`; numbers stay those of the whole round. " +
                             "The team and experts read it at any time; once published it is public (anonymous, cacheable, ETag/304).")
            .AllowAnonymous()
            .SupportsIfNoneMatch()
            .ProducesTextFile(StatusCodes.Status200OK, ReportFiles.CsvType, System.Text.Encoding.UTF8.GetString(ReportFiles.Csv(ConsultationReportView.Example)).TrimStart('\uFEFF'))
            .ProducesFile(StatusCodes.Status200OK, ReportFiles.XlsxType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ConsultationReportView.Example);

    /// <summary>`format` wins; otherwise the first of our media types the Accept header names; JSON by default.</summary>
    private static ReportFormat Negotiate(string? format, HttpRequest request)
    {
        if (QueryEnum.Parse<ReportFormat>(format, "format") is { } asked)
        {
            return asked;
        }

        var accepted = request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1).Select(a => a.MediaType.Value).ToList();
        foreach (var mediaType in accepted)
        {
            if (string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase))
            {
                return ReportFormat.Csv;
            }

            if (string.Equals(mediaType, ReportFiles.XlsxType, StringComparison.OrdinalIgnoreCase))
            {
                return ReportFormat.Xlsx;
            }

            if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase) || mediaType is "*/*" or "application/*")
            {
                return ReportFormat.Json;
            }
        }

        return ReportFormat.Json;
    }
}
