using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.OpenXml;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.Advisory.Reports;
using TrainingApi.Features.MaterialsHandover.Adoptions;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Features.SelfAssessment.Results;

namespace TrainingApi.Features.MaterialsHandover.Indicators;

/// <summary>
/// The programme's indicators, after Decidim's accountability results: each target with the actual counted from the data
/// as of a day, and the actuals by voivodeship and kind of JST. Aggregates only (no names, no contacts), so public.
/// </summary>
public static class GetIndicatorReport
{
    public sealed record Query(DateOnly? AsOf) : IQuery<IndicatorReport>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.AsOf).GreaterThanOrEqualTo(new DateOnly(2024, 1, 1)).LessThanOrEqualTo(new DateOnly(2100, 12, 31));
    }

    public sealed class Handler(TrainingDb db, PilotReach pilot, AdvisoryReach advisory, JstClassification register, SelfAssessmentAggregates selfAssessment, TimeProvider clock)
        : IQueryHandler<Query, IndicatorReport>
    {
        public async ValueTask<IndicatorReport> Handle(Query query, CancellationToken ct)
        {
            var asOf = query.AsOf ?? DateOnly.FromDateTime(WarsawTime.ToWarsaw(clock.GetUtcNow()).DateTime);
            var end = EndOfWarsawDay(asOf);
            var places = (await pilot.PlacesAsync(ct)).Where(p => p.AcceptedAt < end).ToList();
            var closed = (await advisory.ClosedAsync(ct)).Where(e => e.ClosedAt < end && e.Improved).ToList();
            var (reachFrom, reachTo) = (EndOfWarsawDay(new DateOnly(ProgrammeTargets.ReachFromYear - 1, 12, 31)), EndOfWarsawDay(new DateOnly(ProgrammeTargets.ReachToYear, 12, 31)));
            var adoptions = await db.Set<Adoption>().AsNoTracking()
                .Where(a => a.RecordedAt < end && a.RecordedAt >= reachFrom && a.RecordedAt < reachTo)
                .Join(db.Set<Release>(), a => a.ReleaseId, r => r.Id, (a, r) => new { a.JstTeryt, a.Call }).ToListAsync(ct);

            // One JST counts once per indicator, whichever recruitment or release it appears in.
            var facts = new Facts(
                [.. places.Select(p => p.JstTeryt).Distinct()],
                [.. places.Where(p => p.ConfirmedAt < end).Select(p => p.JstTeryt).Distinct()],
                [.. places.Where(p => p.CompletedAt < end).Select(p => p.JstTeryt).Distinct()],
                places.Where(p => p.CompletedAt < end).Select(p => (p.JstTeryt, p.Participants)).ToList(),
                [.. closed.Select(e => e.JstTeryt).Distinct()],
                [.. adoptions.Select(a => a.JstTeryt).Distinct()]);
            var totals = facts.Totals();
            IReadOnlyList<Indicator> indicators =
            [
                Of("pilot-jst-recruited", "JST zrekrutowane do pilotażu", ProgrammeTargets.PilotJst, totals.Recruited),
                Of("pilot-jst-confirmed", "JST, które potwierdziły udział", ProgrammeTargets.PilotJst, totals.Confirmed),
                Of("pilot-jst-completed", "JST, które ukończyły pilotaż", ProgrammeTargets.PilotJst, totals.Completed),
                Of("officials-trained", "Przeszkoleni pracownicy JST", ProgrammeTargets.PilotOfficials, totals.OfficialsTrained),
                Of("advisory-closed-improved", "Zakończone doradztwo z poprawą dojrzałości cyfrowej", null, totals.AdvisoryImproved),
                Of("jst-reached", $"JST korzystające z materiałów w latach {ProgrammeTargets.ReachFromYear}–{ProgrammeTargets.ReachToYear}",
                    ProgrammeTargets.JstReached, totals.JstReached),
            ];
            var all = facts.AllJst().Select(t => register.Of(t) ?? new JstClass(t, "", "", JstKind.GminaMiejska)).ToList();
            return new IndicatorReport(asOf, end, indicators,
                [.. all.GroupBy(j => (j.VoivodeshipCode, j.Voivodeship)).OrderBy(g => g.Key.VoivodeshipCode, StringComparer.Ordinal)
                    .Select(g => facts.Within([.. g.Select(j => j.Teryt)]).Totals() with { Key = g.Key.VoivodeshipCode, Name = g.Key.Voivodeship })],
                [.. all.GroupBy(j => QueryEnum.Name(j.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => facts.Within([.. g.Select(j => j.Teryt)]).Totals() with { Key = g.Key, Name = g.Key })],
                [.. adoptions.GroupBy(a => a.Call).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CallReach(g.Key, g.Select(a => a.JstTeryt).Distinct().Count()))],
                await selfAssessment.AsOfAsync(end, ct));
        }

        private static DateTimeOffset EndOfWarsawDay(DateOnly day)
        {
            var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, WarsawTime.Zone.GetUtcOffset(midnight)).ToUniversalTime();
        }

        private static Indicator Of(string code, string name, int? target, int actual) =>
            new(code, name, target, actual, target is > 0 ? Math.Round(100m * actual / target.Value, 1, MidpointRounding.AwayFromZero) : null);
    }

    /// <summary>The JST behind each indicator (canonical TERYT codes), and the officials of those that completed.</summary>
    private sealed record Facts(
        HashSet<string> Recruited, HashSet<string> Confirmed, HashSet<string> Completed, List<(string Jst, int Participants)> Trained,
        HashSet<string> AdvisoryImproved, HashSet<string> Reached)
    {
        public IEnumerable<string> AllJst() => Recruited.Concat(Reached).Concat(AdvisoryImproved).Distinct();

        public Facts Within(HashSet<string> jst) => new(
            [.. Recruited.Where(jst.Contains)], [.. Confirmed.Where(jst.Contains)], [.. Completed.Where(jst.Contains)],
            [.. Trained.Where(t => jst.Contains(t.Jst))], [.. AdvisoryImproved.Where(jst.Contains)], [.. Reached.Where(jst.Contains)]);

        public IndicatorBreakdown Totals() => new("", "", Recruited.Count, Confirmed.Count, Completed.Count, Trained.Sum(t => t.Participants),
            AdvisoryImproved.Count, Reached.Count);
    }

    /// <summary>One table for CSV and XLSX: the whole programme, then each voivodeship, then each kind, with every indicator as a column.</summary>
    public static IEnumerable<IDictionary<string, object?>> Rows(IndicatorReport report)
    {
        var total = report.Indicators.ToDictionary(i => i.Code, i => i.Actual);
        IDictionary<string, object?> Row(string scope, string key, string name, IndicatorBreakdown b) => new Dictionary<string, object?>
        {
            ["Stan na dzień"] = report.AsOf.ToString("yyyy-MM-dd"), ["Przekrój"] = scope, ["Kod"] = key, ["Nazwa"] = name,
            ["JST zrekrutowane"] = b.Recruited, ["JST potwierdzone"] = b.Confirmed, ["JST, które ukończyły"] = b.Completed,
            ["Przeszkoleni pracownicy"] = b.OfficialsTrained, ["Doradztwo z poprawą"] = b.AdvisoryImproved, ["JST korzystające z materiałów"] = b.JstReached,
        };
        yield return Row("cel", "", "Wartości docelowe", new IndicatorBreakdown("", "", ProgrammeTargets.PilotJst, ProgrammeTargets.PilotJst, ProgrammeTargets.PilotJst,
            ProgrammeTargets.PilotOfficials, 0, ProgrammeTargets.JstReached));
        yield return Row("ogółem", "", "Cały program", new IndicatorBreakdown("", "", total["pilot-jst-recruited"], total["pilot-jst-confirmed"],
            total["pilot-jst-completed"], total["officials-trained"], total["advisory-closed-improved"], total["jst-reached"]));
        foreach (var v in report.ByVoivodeship)
        {
            yield return Row("województwo", v.Key, v.Name, v);
        }

        foreach (var k in report.ByKind)
        {
            yield return Row("rodzaj JST", k.Key, k.Name, k);
        }
    }

    /// <summary>
    /// The self-assessment section, a table of its own (its columns are not the indicators'): first the line for all JST with the
    /// number of cells left out, then each published cell. Nothing by voivodeship or kind alone, as in the JSON.
    /// </summary>
    public static IEnumerable<IDictionary<string, object?>> SelfAssessmentRows(IndicatorReport report)
    {
        var summary = report.SelfAssessment;
        var areas = MaturityFramework.All.SelectMany(f => f.Areas).DistinctBy(a => a.Code).ToList();
        IDictionary<string, object?> Row(string scope, SelfAssessmentCell? cell, int jst, int? suppressed)
        {
            var row = new Dictionary<string, object?>
            {
                ["Stan na dzień"] = report.AsOf.ToString("yyyy-MM-dd"), ["Przekrój"] = scope, ["Wersja modelu"] = cell?.FrameworkVersion,
                ["Kod województwa"] = cell?.VoivodeshipCode, ["Województwo"] = cell?.Voivodeship, ["Rodzaj JST"] = cell is null ? null : QueryEnum.Name(cell.Kind),
                ["Liczba JST"] = jst, [$"Komórki ukryte (poniżej {summary.MinimumJst} JST)"] = suppressed, ["Ogółem (mediana)"] = cell?.Overall,
            };
            foreach (var area in areas)
            {
                row[$"{area.Name} (mediana)"] = cell?.Areas.FirstOrDefault(a => a.Area == area.Code)?.Median;
            }

            return row;
        }

        yield return Row("samoocena: wszystkie JST", null, summary.JstSelfAssessed, summary.SuppressedCells);
        foreach (var cell in summary.Cells)
        {
            yield return Row("samoocena: województwo × rodzaj JST", cell, cell.Jst, null);
        }
    }

    /// <summary>The indicators' table, then after an empty line the self-assessment table with its own header.</summary>
    public static byte[] Csv(IndicatorReport report)
    {
        var indicators = CsvFiles.Write(Rows(report));
        var selfAssessment = CsvFiles.Write(SelfAssessmentRows(report));
        var bom = System.Text.Encoding.UTF8.Preamble.Length;
        return [.. indicators, .. "\r\n"u8, .. selfAssessment.AsSpan(bom)];
    }

    public static byte[] Xlsx(IndicatorReport report) => XlsxFiles.Write(
        [("Wskaźniki", report.Indicators.Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Kod"] = i.Code, ["Wskaźnik"] = i.Name, ["Wartość docelowa"] = i.Target, ["Wartość osiągnięta"] = i.Actual, ["Postęp (%)"] = i.Progress,
        })), ("Przekroje", Rows(report)), ("Samoocena", SelfAssessmentRows(report))],
        new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true });

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/indicators", Downloads.GetAndHead, async Task<Results<Ok<IndicatorReport>, FileContentHttpResult>> (
                DateOnly? asOf, string? format, IMediator mediator, CancellationToken ct) =>
            {
                var chosen = QueryEnum.Parse<IndicatorFormat>(format, "format") ?? IndicatorFormat.Json;
                var report = await mediator.Send(new Query(asOf), ct);
                var name = $"wskazniki-{report.AsOf:yyyy-MM-dd}";
                return chosen switch
                {
                    IndicatorFormat.Csv => TypedResults.File(Csv(report), CsvFiles.ContentType, name + ".csv"),
                    IndicatorFormat.Xlsx => TypedResults.File(Xlsx(report), XlsxFiles.ContentType, name + ".xlsx"),
                    _ => TypedResults.Ok(report),
                };
            })
            .WithName("GetIndicatorReport")
            .TakesEnum<IndicatorFormat>("format")
            .WithSummary("The programme's indicators: targets against actuals, as of a day")
            .WithDescription("For anyone, aggregates only. Targets: 50 JST and ~150 officials in the pilot, at least 300 JST reached in 2025–2028. " +
                             "Actuals from the data, counted to the end of `asOf` (a date, Europe/Warsaw; today by default): JST recruited " +
                             "(took a place), confirmed and completed, officials of the JST that completed, advisory engagements closed with a " +
                             "higher overall maturity score, and JST that recorded using a release in 2025–2028 (per competitive call too); each " +
                             "JST counts once. By voivodeship and kind of JST. Self-assessed maturity (`selfAssessment`): by voivodeship × kind, how many JST " +
                             "self-assessed (each by its latest closed round that showed results) and the median score of each area and overall; a cell of " +
                             "fewer than 5 JST is left out entirely (only how many were is said), an area fewer than 5 of them scored has no median, and " +
                             "there are no totals by voivodeship or kind. `format` json (default), csv (the self-assessment table follows the indicators' " +
                             "after an empty line, with its own header) or xlsx (sheet `Samoocena`).")
            .AllowAnonymous()
            .ProducesTextFile(StatusCodes.Status200OK, CsvFiles.ContentType, System.Text.Encoding.UTF8.GetString(Csv(IndicatorReport.Example)).TrimStart('\uFEFF'))
            .ProducesFile(StatusCodes.Status200OK, XlsxFiles.ContentType)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, IndicatorReport.Example);
}
