using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.MaterialsHandover.Adoptions;

/// <summary>A count in a breakdown: by voivodeship (TERYT code and name), by JST kind, by call or by release.</summary>
public sealed record Tally(string Key, string Name, int Jst);

/// <summary>The adoption counts as JSON (default), or as one table in CSV or XLSX for open-data portals.</summary>
public enum AdoptionCountsFormat
{
    Json,
    Csv,
    Xlsx,
}

public static class CountAdoptions
{
    /// <param name="Jst">Distinct JST that recorded they use a release in scope (a JST that adopted two releases counts once).</param>
    /// <param name="Adoptions">Adoptions recorded (one JST, one release each).</param>
    public sealed record Counts(Guid? ProgrammeId, Guid? ReleaseId, int Jst, int Adoptions, IReadOnlyList<Tally> ByRelease, IReadOnlyList<Tally> ByCall,
        IReadOnlyList<Tally> ByVoivodeship, IReadOnlyList<Tally> ByKind);

    public sealed record Query(Guid? ProgrammeId, Guid? ReleaseId) : IQuery<Counts>;

    public static readonly Counts Example = new Counts(null, null, 2, 3,
                [new Tally(ReleaseView.Example.Id.ToString(), "2.0.0", 2)], [new Tally("Konkurs MEN 2025", "Konkurs MEN 2025", 2)],
                [new Tally("10", "ŁÓDZKIE", 1), new Tally("14", "MAZOWIECKIE", 1)], [new Tally("gmina-miejska", "gmina-miejska", 1), new Tally("miasto-na-prawach-powiatu", "miasto-na-prawach-powiatu", 1)]);

    /// <summary>Anonymous: JST are public bodies, but contacts never leave the team, so only counts are given.</summary>
    public sealed class Handler(TrainingDb db, JstClassification register) : IQueryHandler<Query, Counts>
    {
        public async ValueTask<Counts> Handle(Query query, CancellationToken ct)
        {
            var rows = db.Set<Adoption>().AsNoTracking()
                .Join(db.Set<Release>(), a => a.ReleaseId, r => r.Id, (a, r) => new { a.ReleaseId, a.JstTeryt, a.Call, r.ProgrammeId, r.SemanticVersion });
            if (query.ProgrammeId is { } programme)
            {
                rows = rows.Where(x => x.ProgrammeId == programme);
            }

            if (query.ReleaseId is { } release)
            {
                rows = rows.Where(x => x.ReleaseId == release);
            }

            var adoptions = await rows.ToListAsync(ct);
            var jst = adoptions.Select(a => a.JstTeryt).Distinct().Select(t => register.Of(t) ?? new JstClass(t, "", "", JstKind.GminaMiejska)).ToList();
            return new Counts(query.ProgrammeId, query.ReleaseId, jst.Count, adoptions.Count,
                [.. adoptions.GroupBy(a => (a.ReleaseId, a.SemanticVersion)).OrderBy(g => System.Version.Parse(g.Key.SemanticVersion))
                    .Select(g => new Tally(g.Key.ReleaseId.ToString(), g.Key.SemanticVersion, g.Select(a => a.JstTeryt).Distinct().Count()))],
                [.. adoptions.GroupBy(a => a.Call).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new Tally(g.Key, g.Key, g.Select(a => a.JstTeryt).Distinct().Count()))],
                [.. jst.GroupBy(j => (j.VoivodeshipCode, j.Voivodeship)).OrderBy(g => g.Key.VoivodeshipCode, StringComparer.Ordinal)
                    .Select(g => new Tally(g.Key.VoivodeshipCode, g.Key.Voivodeship, g.Count()))],
                [.. jst.GroupBy(j => QueryEnum.Name(j.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Tally(g.Key, g.Key, g.Count()))]);
        }
    }

    /// <summary>One row per count: the totals, then each breakdown (by release, call, voivodeship, kind), as open-data portals read a flat table.</summary>
    public static IEnumerable<IDictionary<string, object?>> Rows(Counts counts)
    {
        static Dictionary<string, object?> Row(string breakdown, string key, string name, int jst) =>
            new() { ["przekroj"] = breakdown, ["klucz"] = key, ["nazwa"] = name, ["jst"] = jst };

        yield return Row("razem", "jst", "JST, które wskazały wydanie", counts.Jst);
        yield return Row("razem", "wskazania", "Wskazania wydań", counts.Adoptions);
        foreach (var (breakdown, tallies) in new[] { ("wydanie", counts.ByRelease), ("konkurs", counts.ByCall), ("wojewodztwo", counts.ByVoivodeship), ("rodzaj-jst", counts.ByKind) })
        {
            foreach (var tally in tallies)
            {
                yield return Row(breakdown, tally.Key, tally.Name, tally.Jst);
            }
        }
    }

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapGet("/adoption-counts", async Task<Results<Ok<Counts>, FileContentHttpResult>> (
                Guid? programmeId, Guid? releaseId, string? format, IMediator mediator, CancellationToken ct) =>
            {
                var chosen = QueryEnum.Parse<AdoptionCountsFormat>(format, "format") ?? AdoptionCountsFormat.Json;
                var counts = await mediator.Send(new Query(programmeId, releaseId), ct);
                return chosen switch
                {
                    AdoptionCountsFormat.Csv => TypedResults.File(CsvFiles.Write(Rows(counts)), CsvFiles.ContentType, "wykorzystanie-materialow.csv"),
                    AdoptionCountsFormat.Xlsx => TypedResults.File(XlsxFiles.Write([("Wykorzystanie", Rows(counts))],
                        new MiniExcelLibs.OpenXml.OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true }), XlsxFiles.ContentType, "wykorzystanie-materialow.xlsx"),
                    _ => TypedResults.Ok(counts),
                };
            })
            .WithName("CountAdoptions")
            .WithSummary("How many JST use the released materials")
            .WithDescription("For anyone, without contacts: distinct JST and adoptions (of a programme's releases with `programmeId`, of one " +
                             "release with `releaseId`, else all), by release, by competitive call, by voivodeship and by kind of JST. " +
                             "`format` json (default), csv or xlsx: one table (`przekroj`, `klucz`, `nazwa`, `jst`), the totals first, then each breakdown.")
            .TakesEnum<AdoptionCountsFormat>("format")
            .ProducesTextFile(StatusCodes.Status200OK, CsvFiles.ContentType, System.Text.Encoding.UTF8.GetString(CsvFiles.Write(Rows(Example))).TrimStart('\uFEFF'))
            .ProducesFile(StatusCodes.Status200OK, XlsxFiles.ContentType)
            .AllowAnonymous()
            .WithResponseExample(StatusCodes.Status200OK, Example);
}
