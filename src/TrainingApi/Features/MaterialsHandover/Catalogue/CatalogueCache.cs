using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http.PublicReads;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>
/// The public catalogue's answers (each release, <c>latest</c>, the files, the Atom feed) kept in memory: published releases never
/// change, so the answers change only when a release is published (and the previous one superseded). A publication evicts them
/// here at once, and on every other instance when PostgreSQL delivers the notification the publication sends at commit
/// (<see cref="CatalogueChangeListener"/>); see docs/performance.md for the bound.
/// </summary>
public sealed class CatalogueCache(PublicResponseCache cache, IOptions<JsonOptions> json)
{
    public const string Tag = "catalogue";

    /// <summary>The PostgreSQL notification channel a publication signals on commit.</summary>
    public const string Channel = "trainingapi_catalogue";

    /// <summary>Read before querying; an eviction in between makes <see cref="Store"/> keep nothing.</summary>
    public long Generation => cache.Generation(Tag);

    public void Evict() => cache.Evict(Tag);

    public void Suspend() => cache.Suspend(Tag);

    public void Resume() => cache.Resume(Tag);

    public void Store(HttpContext http, long generation, CachedResponse response) =>
        cache.Store(Tag, generation, PublicFastLaneMiddleware.KeyOf(http), response);

    /// <summary>The JSON exactly as the endpoint's TypedResults.Ok sends it (same options, same declared type).</summary>
    public void StoreJson<T>(HttpContext http, long generation, T value, string etag, DateTimeOffset? lastModified, string cacheControl)
    {
        if (!cache.IsActive(Tag))
        {
            return;
        }

        Store(http, generation, CachedResponse.Document(JsonSerializer.SerializeToUtf8Bytes(value, json.Value.SerializerOptions),
            "application/json; charset=utf-8", etag, lastModified, cacheControl));
    }
}
