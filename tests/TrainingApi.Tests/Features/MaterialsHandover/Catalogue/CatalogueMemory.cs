using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>For tests that look at what an instance keeps of the catalogue in memory.</summary>
public static class CatalogueMemory
{
    /// <summary>Publishes on <paramref name="steps"/>' instance and waits until its own notification has come back too, so it cannot evict what the test reads next.</summary>
    public static async Task PublishAndSettleAsync(ApiFactory instance, HandoverSteps steps, Guid releaseId)
    {
        var cache = instance.Services.GetRequiredService<PublicResponseCache>();
        await ListeningAsync(instance);
        var before = cache.Generation(CatalogueCache.Tag);
        await steps.PublishAsync(releaseId);
        // One eviction by the publishing endpoint, one by the notification.
        await Eventually.HoldsAsync("the publication's notification to come back", () => cache.Generation(CatalogueCache.Tag) >= before + 2, TimeSpan.FromSeconds(10));
    }

    /// <summary>An instance keeps the catalogue in memory only once its listener is in place (a few milliseconds after start).</summary>
    public static async Task ListeningAsync(ApiFactory instance)
    {
        var cache = instance.Services.GetRequiredService<PublicResponseCache>();
        await Eventually.HoldsAsync("the catalogue listener to start", () => cache.IsActive(CatalogueCache.Tag), TimeSpan.FromSeconds(10));
    }
}
