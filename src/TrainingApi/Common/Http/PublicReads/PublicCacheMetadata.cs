using System.Collections.Frozen;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// Marks an endpoint whose 200 to an anonymous GET may be kept in memory under <see cref="Tag"/> and replayed by the fast lane
/// until the tag is evicted. Only requests whose query names nothing but <see cref="QueryParameters"/> (each once) are kept, so
/// made-up parameters cannot fill memory with copies of one answer.
/// </summary>
public sealed class PublicCacheMetadata(string tag, IEnumerable<string> queryParameters, bool variesOnAccept = false)
{
    public string Tag { get; } = tag;

    /// <summary>The answer is negotiated on Accept: it is kept under a key that includes the request's Accept (see <see cref="CacheKey.WithAccept"/>).</summary>
    public bool VariesOnAccept { get; } = variesOnAccept;

    public FrozenSet<string> QueryParameters { get; } = queryParameters.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}

public static class PublicCacheMetadataExtensions
{
    /// <summary>
    /// The endpoint's answer to an anonymous GET is the same for everyone until <paramref name="tag"/> is evicted; the pipeline's
    /// answer (status, every header, body) is kept and replayed from memory. Name every query parameter the endpoint reads.
    /// </summary>
    public static TBuilder CachedWhenAnonymous<TBuilder>(this TBuilder builder, string tag, params string[] queryParameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicCacheMetadata(tag, queryParameters));

    /// <summary>
    /// As <see cref="CachedWhenAnonymous"/>, for an endpoint that negotiates its media type on Accept: each answer is kept for the
    /// Accept it was negotiated for and replayed only to a request with that same Accept, never to one that asked for another type.
    /// </summary>
    public static TBuilder CachedPerAcceptWhenAnonymous<TBuilder>(this TBuilder builder, string tag, params string[] queryParameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicCacheMetadata(tag, queryParameters, variesOnAccept: true));
}
