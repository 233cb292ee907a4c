using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Startup;
using TrainingApi.Tests.Features.Curriculum;

namespace TrainingApi.Tests.Common.Startup;

/// <summary>
/// Demo data is made by the slices' own use cases, as the system, and loading it again (every start of the run
/// command does) changes nothing.
/// </summary>
public sealed class DemoDataLoadingTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    private static readonly string[] Schemas = ["public", "curriculum", "consultations", "enrollment", "advisory", "handover"];

    [Fact]
    public async Task Loading_the_demo_data_again_changes_no_row()
    {
        _ = api.Services; // the host starts, and loads the demo data once
        var before = await RowsAsync();

        await StartupTasks.LoadDemoDataAsync(api.Services, NullLogger.Instance, CancellationToken.None);

        Assert.Contains(before, t => t.Key.StartsWith("enrollment.", StringComparison.Ordinal) && t.Value.Rows > 0);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Every_demo_audit_entry_names_the_use_case_that_made_it_and_the_system_as_actor()
    {
        _ = api.Services;
        var useCases = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBaseCommand).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.DeclaringType?.Name ?? t.Name).ToHashSet(StringComparer.Ordinal);
        await using var db = api.Db();

        var entries = await db.Context.Set<AuditEntry>().AsNoTracking().Select(e => new { e.Action, e.ActorSubject }).ToListAsync();

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(useCases.Contains(e.Action), $"'{e.Action}' is not a use case"));
        Assert.All(entries, e => Assert.Equal("system", e.ActorSubject));
        Assert.Subset(entries.Select(e => e.Action).ToHashSet(),
            new HashSet<string>
            {
                "CreateProgramme", "AddSection", "TransitionVersion", "OpenConsultationRound", "SubmitComments", "DisposeComment", "IssueApiKey",
                "OpenRecruitment", "Apply", "AllocatePlaces", "PublishAcceptedList", "AssignEngagement", "LogSession", "PublishRelease",
            });
    }

    /// <summary>Each table's row count and the sum of its rows' xmin, which any insert, update or delete changes.</summary>
    private async Task<SortedDictionary<string, (long Rows, decimal Xmin)>> RowsAsync()
    {
        await using var db = api.Db();
        var connection = db.Context.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
                               "WHERE table_type = 'BASE TABLE' AND table_schema = ANY(@schemas)";
            var schemas = list.CreateParameter();
            schemas.ParameterName = "schemas";
            schemas.Value = Schemas;
            list.Parameters.Add(schemas);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new SortedDictionary<string, (long, decimal)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*), coalesce(sum(xmin::text::numeric), 0) FROM {table}";
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            rows[table] = (reader.GetInt64(0), reader.GetDecimal(1));
        }

        return rows;
    }
}
