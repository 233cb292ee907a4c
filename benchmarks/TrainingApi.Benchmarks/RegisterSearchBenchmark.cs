using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Benchmarks;

/// <summary>
/// Which is faster for the register search: the scan in memory the API runs (SearchJst.Handler), or a query on the
/// indexed table (EF Core, the same filters, a pooled context as in the API). Per search, in this process,
/// on the benchmark's database; run by <see cref="ReadsBenchmark"/> after the reads.
/// </summary>
internal static class RegisterSearchBenchmark
{
    private static readonly SearchJst.Query[] Queries =
    [
        new("lod", null, null, null, 20, null),
        new("gmina", null, null, null, 20, null),
        new(null, "14", JstKind.GminaWiejska, null, 20, null),
        new(null, null, JstKind.MiastoNaPrawachPowiatu, "24", 20, null),
    ];

    public static async Task<string> RunAsync(string connectionString, int iterations)
    {
        var options = (DbContextOptions<TrainingDb>)PersistenceSetup.Configure(new DbContextOptionsBuilder<TrainingDb>(), connectionString, new DatabaseOptions()).Options;
        var pool = new PooledDbContextFactory<TrainingDb>(options);
        var handler = new SearchJst.Handler();

        async Task<double> MicrosecondsAsync(Func<SearchJst.Query, Task<int>> search)
        {
            foreach (var query in Queries)
            {
                await search(query);
            }

            var started = Stopwatch.GetTimestamp();
            var found = 0;
            for (var i = 0; i < iterations; i++)
            {
                found += await search(Queries[i % Queries.Length]);
            }

            return found == 0 ? double.NaN : Stopwatch.GetElapsedTime(started).TotalMicroseconds / iterations;
        }

        var memory = new List<double>();
        var table = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            memory.Add(await MicrosecondsAsync(async q => (await handler.Handle(q, CancellationToken.None)).Items.Count));
            table.Add(await MicrosecondsAsync(async q =>
            {
                await using var db = await pool.CreateDbContextAsync();
                return (await IndexedAsync(db, q)).Count;
            }));
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"register search, per search (median of 3 × {iterations}, 4 filters): in memory {memory.Order().ElementAt(1):0.0} µs, indexed table (EF Core, as before) {table.Order().ElementAt(1):0.0} µs");
    }

    /// <summary>The query SearchJst ran before the search moved into memory.</summary>
    private static Task<List<Jst>> IndexedAsync(TrainingDb db, SearchJst.Query query)
    {
        var units = db.Set<Jst>().AsNoTracking().Where(j => j.SameJstAs == null);
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var prefix = LikePattern.StartingWith(JstNames.Normalise(query.Name));
            units = units.Where(j => EF.Functions.Like(j.SearchName, prefix, LikePattern.Escape));
        }

        if (query.Code is { Length: > 0 } code)
        {
            var codePrefix = code + "%";
            units = units.Where(j => EF.Functions.Like(j.Teryt, codePrefix)
                                     || db.Set<Jst>().Any(alias => alias.SameJstAs == j.Teryt && EF.Functions.Like(alias.Teryt, codePrefix)));
        }

        if (query.Kind is { } kind)
        {
            units = units.Where(j => j.Kind == kind);
        }

        if (query.Voivodeship is { Length: > 0 } voivodeship)
        {
            units = units.Where(j => j.VoivodeshipCode == voivodeship);
        }

        return units.OrderBy(j => j.Teryt).Take(query.Limit + 1).ToListAsync();
    }
}
