using TrainingApi.Common.Http.PublicReads;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>
/// The public catalogue's answers (each release, <c>latest</c>, the list, the files, the pages, the Atom feed; endpoints marked
/// <c>CachedWhenAnonymous(CatalogueCache.Tag, …)</c>) kept in memory: published releases never change, so the answers change only
/// when a release is published (and the previous one superseded). A publication evicts them here at once, and on every other instance when PostgreSQL delivers the notification the publication sends at commit
/// (<see cref="CatalogueChangeListener"/>); see docs/performance.md for the bound.
/// </summary>
public sealed class CatalogueCache(PublicResponseCache cache)
{
    public const string Tag = "catalogue";

    /// <summary>The PostgreSQL notification channel a publication signals on commit.</summary>
    public const string Channel = "trainingapi_catalogue";

    /// <summary>Read before querying; an eviction in between makes <see cref="Store"/> keep nothing.</summary>
    public long Generation => cache.Generation(Tag);

    public void Evict() => cache.Evict(Tag);

    public void Suspend() => cache.Suspend(Tag);

    public void Resume() => cache.Resume(Tag);
}
