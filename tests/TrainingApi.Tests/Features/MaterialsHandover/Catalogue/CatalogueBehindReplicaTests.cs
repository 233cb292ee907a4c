using System.Diagnostics;
using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>
/// Two instances reading the catalogue from a real streaming replica that applies every commit seconds late: once the publisher's
/// answer has come back, neither instance serves the old latest, release list, feed, superseded release or missing release page, for all the time the
/// replica needs to replay the publication; afterwards both read from the replica again.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class CatalogueBehindReplicaTests(ReplicaServer pair) : IAsyncLifetime
{
    private readonly ReplicaApiFactory first = new(pair);

    // Its poll is an hour away, so only the notification can tell it.
    private readonly ReplicaApiFactory second = new(pair, new Dictionary<string, string?> { ["Catalogue:PollSeconds"] = "3600" });

    public async Task InitializeAsync()
    {
        await first.InitializeAsync();
        await second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [ReplicaFact]
    public async Task After_a_publication_no_instance_serves_the_old_catalogue_while_the_replica_replays_it()
    {
        var steps = new HandoverSteps(first);
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var older = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var latest = $"/api/v1/catalogue/releases/latest?programmeId={version.ProgrammeId}";
        var list = $"/api/v1/catalogue/releases?programmeId={version.ProgrammeId}";
        var instances = new[] { ("publishing", first), ("second", second) };
        // Both instances read the replica again, once it has replayed the first publication, and keep its latest in memory.
        foreach (var (name, instance) in instances)
        {
            await CatalogueMemory.ListeningAsync(instance);
            Assert.True(await CatalogueReplica.InUseAsync(instance, TimeSpan.FromSeconds(20)), $"The {name} instance never trusted the replica again.");
            Assert.True(await pair.ReplicaHasPublishedAsync(older.Id));
            Assert.Contains("\"semanticVersion\":\"1.0.0\"", await (await instance.CreateClient().GetAsync(latest)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var newer = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);

        Assert.False(await pair.ReplicaHasPublishedAsync(newer.Id), "The replica should still be behind the publication.");
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        // Reads on both instances, round after round, for as long as the replica has not replayed the publication (it applies commits
        // ReplicaServer.ApplyDelay late): the window in which a stale answer could appear. No pause: each round is its own pace.
        do
        {
            foreach (var (name, instance) in instances)
            {
                var client = instance.CreateClient();
                var answer = await (await client.GetAsync(latest)).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK);
                Assert.True(answer.SemanticVersion == "1.1.0", $"The {name} instance served latest {answer.SemanticVersion} {clock.ElapsedMilliseconds} ms after the publication.");
                var page = await (await client.GetAsync(list)).ShouldBeAsync<Page<CatalogueRelease>>(HttpStatusCode.OK);
                Assert.True(page.Items.Count == 2, $"The {name} instance listed {page.Items.Count} release(s) {clock.ElapsedMilliseconds} ms after the publication.");
                Assert.Equal("1.1.0", page.Items.Single(r => r.Latest).SemanticVersion);
                var superseded = await (await client.GetAsync($"/api/v1/catalogue/releases/{older.Id}")).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK);
                Assert.True(superseded.SupersededBy?.Id == newer.Id, $"The {name} instance served the first release as not superseded.");
                Assert.Contains(newer.Id.ToString(), await client.GetStringAsync("/api/v1/catalogue/releases.atom"), StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(GetCataloguePage.UrlOf(newer.Id))).StatusCode);
            }

            rounds++;
            Assert.True(clock.Elapsed < ReplicaServer.ApplyDelay + TimeSpan.FromSeconds(20), "The replica never replayed the publication.");
        }
        while (!await pair.ReplicaHasPublishedAsync(newer.Id));

        Assert.True(rounds > 1, $"Only {rounds} round(s) ran while the replica was behind.");
        foreach (var (name, instance) in instances)
        {
            // Generous: each later change (the stamp poll notices the publication too) waits for another delayed replay, and a loaded
            // machine stretches that; what must hold — never the old catalogue — was asserted above.
            Assert.True(await CatalogueReplica.InUseAsync(instance, TimeSpan.FromSeconds(30)), $"The {name} instance did not read from the replica again ({rounds} rounds).");
        }

        // A request not kept in memory yet (another limit), so it is read from the database: the replica, trusted again.
        Assert.Equal("1.1.0", (await (await second.CreateClient().GetAsync(list + "&limit=7")).ShouldBeAsync<Page<CatalogueRelease>>(HttpStatusCode.OK)).Items.Single(r => r.Latest).SemanticVersion);
        var (onReplica, seen) = await CatalogueReplica.ReadsFromReplicaAsync(second, pair, attempt => $"{list}&limit={8 + attempt}");
        Assert.True(onReplica, $"The second instance never read the catalogue from the replica again: {seen}.");
    }
}
