using System.Collections.Concurrent;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// Answers to anonymous GETs that do not change until something is published, by request path and query, grouped by a tag
/// (say <c>catalogue</c>) that a slice evicts when what they show changes. Each tag has a generation: a builder reads it before
/// it queries the database and stores its answer only if no eviction happened meanwhile, so an answer read before a publication
/// can never be stored after it. A tag can be switched off (<see cref="Suspend"/>) while its evictions cannot be trusted (the
/// instance lost its notification channel): then nothing of it is served or stored, and reads go to the database.
/// </summary>
public sealed class PublicResponseCache
{
    /// <summary>At most this many bytes of answers per tag; past it, a new answer is served but not kept.</summary>
    public const long BudgetPerTag = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Partition> partitions = new(StringComparer.Ordinal);

    /// <summary>The same partitions as an array, replaced when one is added (rarely): a lookup takes no lock and allocates nothing.</summary>
    private Partition[] all = [];

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

    /// <summary>The answer stored for this path and query, if its tag is active.</summary>
    public bool TryGet(string key, out CachedResponse response)
    {
        foreach (var partition in Volatile.Read(ref all))
        {
            if (partition.Active && partition.Entries.TryGetValue(key, out response!))
            {
                return true;
            }
        }

        response = null!;
        return false;
    }

    /// <summary>Read before building an answer; pass it to <see cref="Store"/>.</summary>
    public long Generation(string tag) => Interlocked.Read(ref Of(tag).Generation);

    /// <summary>Keeps the answer unless the tag was evicted (or suspended) since <paramref name="generation"/> was read.</summary>
    public void Store(string tag, long generation, string key, CachedResponse response)
    {
        var partition = Of(tag);
        lock (partition)
        {
            if (!partition.Active || partition.Generation != generation || partition.Bytes + response.Size > BudgetPerTag)
            {
                return;
            }

            if (partition.Entries.TryAdd(key, response))
            {
                partition.Bytes += response.Size;
            }
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

    private sealed class Partition
    {
        public readonly ConcurrentDictionary<string, CachedResponse> Entries = new(StringComparer.Ordinal);
        public long Generation;
        public long Bytes;
        public volatile bool Active = true;
    }
}
