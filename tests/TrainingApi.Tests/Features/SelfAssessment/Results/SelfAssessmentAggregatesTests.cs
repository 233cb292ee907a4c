using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using TrainingApi.Features.MaterialsHandover.Indicators;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Features.SelfAssessment.Results;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Results;

/// <summary>
/// The public self-assessment aggregates in the indicator report (JSON, CSV, XLSX), and that nothing anyone else can read — other JST's
/// benchmarks, the public aggregates — gives away one JST's scores.
/// </summary>
public sealed class SelfAssessmentAggregatesTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    private readonly PeerSteps steps = new(api);

    private async Task<(string Json, IndicatorReport Report)> ReportAsync(string asOf)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/catalogue/indicators?asOf={asOf}");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        return (json, JsonSerializer.Deserialize<IndicatorReport>(json, HttpExtensions.Json)!);
    }

    [Fact]
    public async Task Cells_of_fewer_than_five_jst_are_left_out_without_margins_and_a_past_day_counts_the_rounds_current_then_in_json_csv_and_xlsx()
    {
        await steps.ClearAsync();
        api.Clock.Now = new DateTimeOffset(2026, 5, 10, 10, 0, 0, TimeSpan.Zero);
        var rural = PeerSteps.Of(JstKind.GminaWiejska, "08");
        var urban = PeerSteps.Of(JstKind.GminaMiejska, "08");
        var powiaty = PeerSteps.Of(JstKind.Powiat, "12");
        // Lubuskie (08): five gminy wiejskie, 2–4 (the first answered n/a in cooperation with schools), four gminy miejskie, and one
        // gmina wiejska whose round closed with two respondents (no results, not counted). Małopolskie (12): six powiaty.
        await steps.ClosedRoundsAsync([.. new[] { 2m, 2.5m, 3m, 3.5m, 4m }.Select((score, i) => (rural[i], i == 0 ? PeerSteps.WithoutArea(PeerSteps.Scoring(score), "wspolpraca") : PeerSteps.Scoring(score))),
            .. urban.Take(4).Select(j => (j, PeerSteps.Scoring(3m))), (rural[5], PeerSteps.Answering(5, 5)),
            .. new[] { 1m, 2m, 2m, 3m, 4m, 5m }.Select((score, i) => (powiaty[i], PeerSteps.Scoring(score)))]);
        // Ten days later the lowest gmina wiejska assesses itself again at 5, and a fifth gmina miejska joins.
        api.Clock.Now = new DateTimeOffset(2026, 5, 20, 10, 0, 0, TimeSpan.Zero);
        await steps.ClosedRoundsAsync([(rural[0], PeerSteps.Scoring(5m)), (urban[4], PeerSteps.Scoring(4m))]);

        var (json, before) = await ReportAsync("2026-05-10");
        var (_, after) = await ReportAsync("2026-05-20");

        Assert.Equal((5, 15, 1), (before.SelfAssessment.MinimumJst, before.SelfAssessment.JstSelfAssessed, before.SelfAssessment.SuppressedCells));
        Assert.Equal([("08", JstKind.GminaWiejska, 5, 3m), ("12", JstKind.Powiat, 6, 2.5m)],
            before.SelfAssessment.Cells.Select(c => (c.VoivodeshipCode, c.Kind, c.Jst, c.Overall!.Value)));
        Assert.Equal("LUBUSKIE", before.SelfAssessment.Cells[0].Voivodeship);
        // Only four of the five scored cooperation: no median there.
        Assert.Null(before.SelfAssessment.Cells[0].Areas.Single(a => a.Area == "wspolpraca").Median);
        Assert.Equal(3m, before.SelfAssessment.Cells[0].Areas.Single(a => a.Area == "strategia").Median);
        Assert.Equal((16, 0), (after.SelfAssessment.JstSelfAssessed, after.SelfAssessment.SuppressedCells));
        Assert.Equal([("08", JstKind.GminaMiejska, 5, 3m), ("08", JstKind.GminaWiejska, 5, 3.5m), ("12", JstKind.Powiat, 6, 2.5m)],
            after.SelfAssessment.Cells.Select(c => (c.VoivodeshipCode, c.Kind, c.Jst, c.Overall!.Value)));
        // No totals by voivodeship or kind: the section holds exactly these members.
        var section = JsonDocument.Parse(json).RootElement.GetProperty("selfAssessment");
        Assert.Equal(["minimumJst", "jstSelfAssessed", "suppressedCells", "cells"], section.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["frameworkVersion", "voivodeshipCode", "voivodeship", "kind", "jst", "overall", "areas"], section.GetProperty("cells")[0].EnumerateObject().Select(p => p.Name));

        var csv = await (await api.CreateClient().GetAsync("/api/v1/catalogue/indicators?asOf=2026-05-10&format=csv")).Content.ReadAsStringAsync();
        var xlsx = await (await api.CreateClient().GetAsync("/api/v1/catalogue/indicators?asOf=2026-05-10&format=xlsx")).Content.ReadAsByteArrayAsync();

        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("Stan na dzień,Przekrój,Kod,Nazwa,", lines[0], StringComparison.Ordinal);
        var header = Array.FindIndex(lines, l => l.StartsWith("Stan na dzień,Przekrój,Wersja modelu,", StringComparison.Ordinal));
        Assert.True(header > 0 && lines[header - 1] == "", "the self-assessment table follows an empty line");
        Assert.StartsWith("2026-05-10,samoocena: wszystkie JST,,,,,15,1,,", lines[header + 1], StringComparison.Ordinal);
        Assert.StartsWith("2026-05-10,samoocena: województwo × rodzaj JST,2024.1,08,LUBUSKIE,gmina-wiejska,5,,3,", lines[header + 2], StringComparison.Ordinal);
        Assert.StartsWith("2026-05-10,samoocena: województwo × rodzaj JST,2024.1,12,MAŁOPOLSKIE,powiat,6,,2.5,", lines[header + 3], StringComparison.Ordinal);
        var sheet = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Samoocena").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, sheet.Count);
        Assert.Equal(("samoocena: wszystkie JST", 15d, 1d), ((string)sheet[0]["Przekrój"], Convert.ToDouble(sheet[0]["Liczba JST"]), Convert.ToDouble(sheet[0]["Komórki ukryte (poniżej 5 JST)"])));
        Assert.Equal(("08", "gmina-wiejska", 5d, 3d), ((string)sheet[1]["Kod województwa"], (string)sheet[1]["Rodzaj JST"], Convert.ToDouble(sheet[1]["Liczba JST"]),
            Convert.ToDouble(sheet[1]["Strategia i przywództwo (mediana)"])));
        Assert.Contains("Przekroje", MiniExcel.GetSheetNames(new MemoryStream(xlsx)));
    }

    [Fact]
    public async Task What_others_can_read_never_reveals_the_scores_of_a_jst_alone_in_its_cell_and_lowest_of_its_groups()
    {
        await steps.ClearAsync();
        api.Clock.Now = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        // T: the only gmina miejsko-wiejska of opolskie (16) that self-assessed, at 7/6 = 1.17 in every area, the lowest of every group.
        var t = PeerSteps.Of(JstKind.GminaMiejskoWiejska, "16")[0];
        await steps.ClosedRoundAsync(t, PeerSteps.Answering(1, 1, 1, 1, 1, 2));
        decimal[] scores = [2m, 2.25m, 2.5m, 3m, 3.25m, 3.75m, 4m, 4.5m];
        IEnumerable<(Jst, IReadOnlyList<IReadOnlyDictionary<string, int?>>)> Seed(IEnumerable<Jst> jst, int offset) =>
            jst.Select((j, i) => (j, PeerSteps.Scoring(scores[(i + offset) % scores.Length])));
        var others = await steps.ClosedRoundsAsync([
            .. Seed(PeerSteps.Of(JstKind.GminaMiejskoWiejska, "18").Take(6), 0), // its kind elsewhere: a published cell
            .. Seed(PeerSteps.Of(JstKind.GminaWiejska, "16").Take(5), 1), // its voivodeship, another kind: published
            .. Seed(PeerSteps.Of(JstKind.GminaWiejska, "20").Take(2), 2), // suppressed
            .. Seed(PeerSteps.Of(JstKind.GminaMiejska, "16").Take(3), 3), // too few of their kind: they fall back to gminy, T among them
            .. Seed(PeerSteps.Of(JstKind.Powiat, "16").Take(3), 4), // powiaty with cities with county rights
            .. Seed(PeerSteps.Of(JstKind.MiastoNaPrawachPowiatu).Take(3), 5),
            .. Seed(PeerSteps.Of(JstKind.Wojewodztwo).Take(2), 6), // too few voivodeships: every JST, T among them
        ]);

        async Task<List<string>> ReadableByOthersAsync()
        {
            var bodies = new List<string>();
            foreach (var round in others)
            {
                bodies.Add(await steps.BenchmarkBodyAsync(round));
            }

            bodies.Add((await ReportAsync("2026-09-01")).Json);
            bodies.Add(await (await api.CreateClient().GetAsync("/api/v1/catalogue/indicators?asOf=2026-09-01&format=csv")).Content.ReadAsStringAsync());
            return bodies;
        }

        var first = await ReadableByOthersAsync();

        // (a) T's cell is left out, count and all.
        var (_, report) = await ReportAsync("2026-09-01");
        Assert.DoesNotContain(report.SelfAssessment.Cells, c => c.VoivodeshipCode == "16" && c.Kind == JstKind.GminaMiejskoWiejska);
        // T's, gminy wiejskie of 20, gminy miejskie and powiaty of 16, the three cities (all of 02), the two voivodeships (02, 04).
        Assert.Equal(7, report.SelfAssessment.SuppressedCells);
        // (b) Its distinctive score shows nowhere (as a number of its own: not inside a time or an id).
        var ofT = new Regex(@"(?<![\d.])1[.,]1(7|66)");
        Assert.All(first, body => Assert.DoesNotMatch(ofT, body));
        // Every benchmark used a group that holds T, except the powiaty's.
        var benchmarks = first.Take(others.Count).Select(b => JsonSerializer.Deserialize<BenchmarkView>(b, HttpExtensions.Json)!).ToList();
        Assert.Contains(benchmarks, b => b.Group!.Code == PeerGroupCode.Gminy);
        Assert.Contains(benchmarks, b => b.Group!.Code == PeerGroupCode.All);

        // (c) T assesses itself again at 4/3 = 1.33, still the lowest: nothing anyone else reads changes by a byte.
        await steps.ClosedRoundAsync(t, PeerSteps.Answering(1, 1, 2));
        Assert.Equal(first, await ReadableByOthersAsync());

        // (d) No mean, sum or total anywhere to difference, and no published number stands on fewer than five JST.
        var names = first.SkipLast(1).SelectMany(b => Names(JsonDocument.Parse(b).RootElement)).Distinct().ToList();
        Assert.DoesNotContain(names, n => Regex.IsMatch(n, "mean|sum|total|average|avg|std|deviation", RegexOptions.IgnoreCase));
        Assert.All(benchmarks.SelectMany(b => b.Areas.Append(b.Overall)), a => Assert.True(a.Distribution is null || a.Distribution.Peers >= 5));
        Assert.All(report.SelfAssessment.Cells, c => Assert.True(c.Jst >= 5));
    }

    private static IEnumerable<string> Names(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Names),
        _ => [],
    };
}
