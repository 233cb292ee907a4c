using System.Net;
using TrainingApi.Common.Persistence;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>
/// A replica further behind than Catalogue:MaxReplicaLagSeconds is bypassed, whatever the catalogue did: readiness stays ready and
/// says so, the catalogue answers from the primary, and the replica is used again once it has caught up.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class CatalogueReplicaLaggingTests(ReplicaServer pair) : IAsyncLifetime
{
    // Under the replica's apply delay, so that any write puts it past the bound for a while.
    private readonly ReplicaApiFactory api = new(pair, new Dictionary<string, string?> { ["Catalogue:MaxReplicaLagSeconds"] = "1" });

    public Task InitializeAsync() => api.InitializeAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [ReplicaFact]
    public async Task A_replica_lagging_past_the_bound_is_bypassed_until_it_catches_up()
    {
        var team = api.ClientAs(TrainingApi.Common.Security.Roles.ProgrammeTeam);
        Assert.True(await CatalogueReplica.InUseAsync(api, TimeSpan.FromSeconds(20)), "The replica was not in use to begin with.");

        // Any write on the primary: the replica replays it seconds late.
        Assert.Equal(HttpStatusCode.Created, (await team.PostJsonAsync("/api/v1/programmes", new { title = "Program: replika w tyle" })).StatusCode);
        Assert.True(await CatalogueReplica.WaitForAsync(api, f => f.Bypass == ReplicaBypass.Lagging, ReplicaServer.ApplyDelay + TimeSpan.FromSeconds(5)),
            "The replica was not bypassed as lagging while it replayed the write late.");
        var (_, replica) = await CatalogueReplica.ReadinessAsync(api);

        Assert.Contains("bypassed", replica, StringComparison.Ordinal);
        Assert.Contains("over Catalogue:MaxReplicaLagSeconds", replica, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await CatalogueReplica.ReadinessAsync(api)).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/api/v1/catalogue/releases")).StatusCode);
        Assert.True(await CatalogueReplica.InUseAsync(api, TimeSpan.FromSeconds(15)), "The replica was not used again once it had caught up.");
    }
}
