using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>
/// With <c>ConnectionStrings:TrainingDbReadOnly</c> the public catalogue reads there (a replica in production); here it
/// names a second, empty database, so a release published on the primary is visibly not read from it — while the
/// programme team's own reads still go to the primary.
/// </summary>
public sealed class CatalogueReadOnlyDatabaseTests(CatalogueReadOnlyDatabaseTests.ReadOnlyFactory api) : IClassFixture<CatalogueReadOnlyDatabaseTests.ReadOnlyFactory>
{
    public sealed class ReadOnlyFactory : ApiFactory
    {
        public string ReadOnlyConnectionString { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            ReadOnlyConnectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        }

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrainingDbReadOnly"] = ReadOnlyConnectionString,
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(ReadOnlyConnectionString);
        }
    }

    [Fact]
    public async Task Catalogue_reads_go_to_the_read_only_database_and_writes_to_the_primary()
    {
        var steps = new HandoverSteps(api);
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var anyone = api.CreateClient();
        // Right after a publication the catalogue reads the primary until the read-only server has replayed it (at once here: same server).
        Assert.True(await CatalogueReplica.InUseAsync(api, TimeSpan.FromSeconds(10)));

        var listed = await (await anyone.GetAsync($"/api/v1/catalogue/releases?programmeId={version.ProgrammeId}")).ShouldBeAsync<Page<CatalogueRelease>>(HttpStatusCode.OK);
        var single = await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}");
        var teamView = await api.ClientAs(TrainingApi.Common.Security.Roles.ProgrammeTeam).GetAsync($"/api/v1/releases/{release.Id}");

        Assert.Empty(listed.Items);
        await single.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, teamView.StatusCode);
    }
}
