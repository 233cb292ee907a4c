using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// Answers to anonymous GETs that do not change until something is published, by <see cref="CacheKey"/>, grouped by a tag (say
/// <c>catalogue</c>) that a slice evicts when what they show changes. An answer whose media type is compressed is kept once per
/// content coding the clients asked for (see <see cref="Variant"/>); any other once for all. Each tag has a generation: read before
/// the pipeline runs, it is passed to <see cref="Store"/>, which keeps nothing if an eviction of the tag happened meanwhile, so an answer read before a
/// publication is never stored after it. Each tag holds at most <see cref="PublicReadsOptions.MaxBytesPerTag"/> bytes (keys, headers
/// and bodies) and <see cref="PublicReadsOptions.MaxEntriesPerTag"/> keys; past either, new answers are served but not kept. A tag can
/// be switched off (<see cref="Suspend"/>) while its evictions cannot be trusted: then nothing of it is served or stored.
/// </summary>
public sealed class PublicResponseCache(IOptions<PublicReadsOptions> options)
{
    /// <summary>Variants of a compressible answer: no Accept-Encoding, identity, Brotli, gzip.</summary>
    private const int Variants = 4;

    private readonly long maxBytes = options.Value.MaxBytesPerTag;
    private readonly int maxEntries = options.Value.MaxEntriesPerTag;
    private readonly ConcurrentDictionary<string, Partition> partitions = new(StringComparer.Ordinal);

    /// <summary>The same partitions as an array, replaced when one is added (rarely): a lookup takes no lock and allocates nothing.</summary>
    private Partition[] all = [];

    /// <summary>The variant of a compressible answer this request is sent: it follows the coding <see cref="ContentCoding.Choose"/> picks.</summary>
    public static int Variant(HttpRequest request) => VariantOf(request.Headers.AcceptEncoding);

    /// <summary>The same, from the Accept-Encoding header's value.</summary>
    public static int VariantOf(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(acceptEncoding))
        {
            return 0;
        }

        return ContentCoding.Choose(acceptEncoding) switch
        {
            ContentCoding.Brotli => 2,
            ContentCoding.Gzip => 3,
            _ => 1,
        };
    }

    /// <summary>The answer kept for this key and variant, if its tag is active.</summary>
    public bool TryGet(string key, int variant, out CachedResponse response)
    {
        foreach (var partition in Volatile.Read(ref all))
        {
            if (partition.Active && partition.Entries.TryGetValue(key, out var entry)
                                 && (entry.AnyCoding ?? Volatile.Read(ref entry.ByCoding[variant])) is { } found)
            {
                response = found;
                return true;
            }
        }

        response = null!;
        return false;
    }

    /// <summary>Whether any answer is kept for this URL (path and query as written), and one of them: for tests and diagnostics.</summary>
    public bool TryGet(string url, out CachedResponse response)
    {
        var key = CacheKey.OfUrl(url);
        for (var variant = 0; variant < Variants; variant++)
        {
            if (TryGet(key, variant, out response))
            {
                return true;
            }
        }

        response = null!;
        return false;
    }

    /// <summary>Read before building an answer; pass it to <see cref="Store"/>.</summary>
    public long Generation(string tag) => Interlocked.Read(ref Of(tag).Generation);

    /// <summary>
    /// Every tag's generation, read before the pipeline runs, when which tag the answer will belong to is not known yet (routing
    /// has not run); <see cref="GenerationsRead.Of"/> then gives the one to pass to <see cref="Store"/>.
    /// </summary>
    public GenerationsRead ReadGenerations()
    {
        var partitions = Volatile.Read(ref all);
        var generations = new long[partitions.Length];
        for (var i = 0; i < partitions.Length; i++)
        {
            generations[i] = Interlocked.Read(ref partitions[i].Generation);
        }

        return new GenerationsRead(this, partitions, generations);
    }

    public readonly struct GenerationsRead
    {
        private readonly PublicResponseCache cache;
        private readonly Partition[] partitions;
        private readonly long[] generations;

        internal GenerationsRead(PublicResponseCache cache, Partition[] partitions, long[] generations)
        {
            this.cache = cache;
            this.partitions = partitions;
            this.generations = generations;
        }

        /// <summary>The tag's generation as read; a tag first seen afterwards counts from its start (0), so any eviction since shows.</summary>
        public long Of(string tag)
        {
            var partition = cache.Of(tag);
            var index = Array.IndexOf(partitions, partition);
            return index < 0 ? 0 : generations[index];
        }
    }

    /// <summary>
    /// Keeps the answer unless an eviction (or suspension) happened since <paramref name="readAt"/> was read, or the tag's budget is
    /// spent. <paramref name="variant"/> is null for an answer sent the same whatever the Accept-Encoding.
    /// </summary>
    public bool Store(string tag, long readAt, string key, int? variant, CachedResponse response)
    {
        var partition = Of(tag);
        var size = response.Size + (2L * key.Length);
        lock (partition)
        {
            if (!partition.Active || partition.Generation != readAt || partition.Bytes + size > maxBytes)
            {
                return false;
            }

            if (!partition.Entries.TryGetValue(key, out var entry))
            {
                if (partition.Entries.Count >= maxEntries)
                {
                    return false;
                }

                entry = new Entry();
                partition.Entries[key] = entry;
            }

            if (variant is null)
            {
                if (entry.AnyCoding is not null)
                {
                    return false;
                }

                entry.AnyCoding = response;
            }
            else
            {
                if (entry.ByCoding[variant.Value] is not null)
                {
                    return false;
                }

                Volatile.Write(ref entry.ByCoding[variant.Value], response);
            }

            partition.Bytes += size;
            return true;
        }
    }

    /// <summary>Forgets every answer of the tag; builders that started before this do not store theirs.</summary>
    public void Evict(string tag)
    {
        var partition = Of(tag);
        lock (partition)
        {
            Interlocked.Increment(ref partition.Generation);
            partition.Entries.Clear();
            partition.Bytes = 0;
        }
    }

    /// <summary>Evicts and stops serving or storing the tag until <see cref="Resume"/>.</summary>
    public void Suspend(string tag)
    {
        var partition = Of(tag);
        lock (partition)
        {
            partition.Active = false;
        }

        Evict(tag);
    }

    public void Resume(string tag)
    {
        var partition = Of(tag);
        lock (partition)
        {
            partition.Active = true;
        }
    }

    public bool IsActive(string tag) => Of(tag).Active;

    /// <summary>Keys and bytes the tag holds now (metrics, tests).</summary>
    public (int Entries, long Bytes) Usage(string tag)
    {
        var partition = Of(tag);
        lock (partition)
        {
            return (partition.Entries.Count, partition.Bytes);
        }
    }

    private Partition Of(string tag)
    {
        if (partitions.TryGetValue(tag, out var found))
        {
            return found;
        }

        lock (partitions)
        {
            var partition = partitions.GetOrAdd(tag, static _ => new Partition());
            if (!all.Contains(partition))
            {
                Volatile.Write(ref all, [.. all, partition]);
            }

            return partition;
        }
    }

    internal sealed class Partition
    {
        public readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);
        public long Generation;
        public long Bytes;
        public volatile bool Active = true;
    }

    internal sealed class Entry
    {
        public volatile CachedResponse? AnyCoding;
        public readonly CachedResponse?[] ByCoding = new CachedResponse?[Variants];
    }
}
