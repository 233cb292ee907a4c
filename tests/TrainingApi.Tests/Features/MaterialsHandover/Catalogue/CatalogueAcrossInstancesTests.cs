using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>
/// Two API instances on one database: a publication on one changes what the other serves from memory (latest, the superseded
/// release, the feed) as soon as PostgreSQL delivers the publication's notification, without waiting for any poll.
/// </summary>
public sealed class CatalogueAcrossInstancesTests(ApiFactory first) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    /// <summary>The bound docs/performance.md states for a healthy connection, with room for a loaded test machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private readonly HandoverSteps steps = new(first);

    // Its poll is an hour away, so only the notification can tell it.
    private readonly SecondInstanceFactory second = new(first, new Dictionary<string, string?> { ["Catalogue:PollSeconds"] = "3600" });

    public Task InitializeAsync() => second.InitializeAsync();

    public async Task DisposeAsync() => await second.DisposeAsync();

    [Fact]
    public async Task A_publication_on_one_instance_changes_latest_on_the_other_at_once()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var older = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var latest = $"/api/v1/catalogue/releases/latest?programmeId={version.ProgrammeId}";
        var olderUrl = $"/api/v1/catalogue/releases/{older.Id}";
        var onSecond = second.CreateClient();
        await CatalogueMemory.ListeningAsync(second);

        // The second instance keeps what it reads (once the first publication's notification, if it is still coming, has passed).
        var kept = second.Services.GetRequiredService<PublicResponseCache>();
        var read = await Eventually.ValueAsync("the second instance to keep its answer for latest",
            () => onSecond.GetAsync(latest), answer => kept.TryGet(latest, out var _), TimeSpan.FromSeconds(5));

        var tag = read.Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync(olderUrl)).StatusCode);
        Assert.Contains("\"1.0.0\"", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // It now answers from memory, 304 included.
        Assert.True(kept.TryGet(latest, out _));
        Assert.Equal(HttpStatusCode.NotModified, await ConditionalGets.GetIfNoneMatchAsync(onSecond, latest, tag));

        await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);
        var now = await Eventually.ValueAsync("the second instance to stop answering 304 for the old latest",
            () => onSecond.SendAsync(new HttpRequestMessage(HttpMethod.Get, latest).WithHeader("If-None-Match", tag)),
            answer => answer.StatusCode != HttpStatusCode.NotModified, Bound);

        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.NotEqual(tag, now.Headers.ETag!.Tag);
        Assert.Contains("\"1.1.0\"", await now.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var superseded = await (await onSecond.GetAsync(olderUrl)).Content.ReadAsStringAsync();
        Assert.Contains("\"latest\":false", superseded, StringComparison.Ordinal);
        Assert.Contains("\"semanticVersion\":\"1.1.0\"", superseded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_publishing_instance_forgets_its_answers_before_it_answers_the_publication()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        await CatalogueMemory.PublishAndSettleAsync(first, steps, (await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var latest = $"/api/v1/catalogue/releases/latest?programmeId={version.ProgrammeId}";
        var anyone = first.CreateClient();
        var tag = (await anyone.GetAsync(latest)).Headers.ETag!.Tag;
        Assert.True(first.Services.GetRequiredService<PublicResponseCache>().TryGet(latest, out _));

        await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);

        Assert.Equal(HttpStatusCode.OK, await ConditionalGets.GetIfNoneMatchAsync(anyone, latest, tag));
    }
}
