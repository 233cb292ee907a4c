using System.Diagnostics;
using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>
/// The replica is an optimisation: stopped, the catalogue is read from the primary (every read answers, a publication shows at
/// once) and readiness stays ready, saying the replica is bypassed; started again, it is used again once it has caught up.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class CatalogueReplicaDownTests(ReplicaServer pair) : IAsyncLifetime
{
    private readonly ReplicaApiFactory api = new(pair);

    public Task InitializeAsync() => api.InitializeAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [ReplicaFact]
    public async Task With_the_replica_stopped_the_catalogue_reads_the_primary_and_readiness_says_so()
    {
        var steps = new HandoverSteps(api);
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var latest = $"/api/v1/catalogue/releases/latest?programmeId={version.ProgrammeId}";
        var list = $"/api/v1/catalogue/releases?programmeId={version.ProgrammeId}";
        var anyone = api.CreateClient();
        Assert.True(await CatalogueReplica.InUseAsync(api, TimeSpan.FromSeconds(20)), "The replica was never trusted after the publication.");
        Assert.True(await pair.ReplicaHasPublishedAsync(release.Id));
        // A read on the replica, so that the pool holds a connection that the stop kills.
        var (before, seenBefore) = await CatalogueReplica.ReadsFromReplicaAsync(api, pair, attempt => $"{list}&limit={30 + attempt}");
        Assert.True(before, $"The catalogue was not read from the replica before it was stopped: {seenBefore}.");

        await pair.StopReplicaAsync();
        try
        {
            // None of these was read before: each goes to the database.
            var clock = Stopwatch.StartNew();
            var listed = await (await anyone.GetAsync(list)).ShouldBeAsync<Page<CatalogueRelease>>(HttpStatusCode.OK);
            Assert.Equal(release.Id, listed.Items.Single().Id);
            Assert.Equal("1.0.0", (await (await anyone.GetAsync(latest)).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK)).SemanticVersion);
            Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}/files/json")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/api/v1/catalogue/releases.atom")).StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"The reads took {clock.Elapsed} with the replica stopped.");

            var (ready, replica) = await CatalogueReplica.ReadinessAsync(api);
            Assert.Equal(HttpStatusCode.OK, ready);
            Assert.Contains("bypassed", replica, StringComparison.Ordinal);
            Assert.Contains("does not answer", replica, StringComparison.Ordinal);

            // A publication while it is down shows at once.
            await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);
            Assert.Equal("1.1.0", (await (await anyone.GetAsync(latest)).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK)).SemanticVersion);
        }
        finally
        {
            await pair.StartReplicaAsync();
        }

        Assert.True(await CatalogueReplica.InUseAsync(api, TimeSpan.FromSeconds(20)), "The replica was not used again after it was started.");
        var again = await (await anyone.GetAsync(list)).ShouldBeAsync<Page<CatalogueRelease>>(HttpStatusCode.OK);
        Assert.Equal("1.1.0", again.Items.Single(r => r.Latest).SemanticVersion);
        var (after, seenAfter) = await CatalogueReplica.ReadsFromReplicaAsync(api, pair, attempt => $"{list}&limit={40 + attempt}");
        Assert.True(after, $"The catalogue was not read from the replica after it came back: {seenAfter}.");
    }
}
