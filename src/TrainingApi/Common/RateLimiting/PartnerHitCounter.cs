using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.RateLimiting;

/// <summary>
/// An instance's view of one partner key's hits in the current one-minute window: the total PostgreSQL last returned
/// (every instance's hits it had been told of) plus this instance's hits not yet written. Hits are written in groups,
/// one upsert per <see cref="RateLimitOptions.PartnerCountEvery"/> hits or per second, whichever comes first, and one
/// per hit once the window is within a group of its limit; so most partner requests cost no round trip and no commit
/// of their own, and the limit holds across instances to within the hits other instances have not yet written (at most
/// a group less one each), while one instance alone counts exactly.
/// </summary>
public sealed class PartnerHitCounter(TimeProvider clock)
{
    private static readonly TimeSpan MaxUnwritten = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Window> windows = new(StringComparer.Ordinal);

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;
        public int Known { get; set; }
        public int Unwritten { get; set; }
        public DateTimeOffset WrittenAt { get; set; } = start;
    }

    /// <summary>Counts a hit; false when the key is over its limit in this window (the hit is not counted).</summary>
    public async Task<bool> TryHitAsync(IServiceProvider services, string bucket, DateTimeOffset window, int limit, int countEvery, CancellationToken ct)
    {
        int delta;
        lock (windows)
        {
            if (!windows.TryGetValue(bucket, out var current) || current.Start != window)
            {
                if (windows.Count > 10_000)
                {
                    windows.Clear();   // keys of windows gone by: memory must not grow with the number of keys seen
                }

                windows[bucket] = current = new Window(window);
            }

            if (current.Known + current.Unwritten >= limit)
            {
                return false;
            }

            current.Unwritten++;
            var group = Math.Max(1, countEvery);
            var nearLimit = current.Known + current.Unwritten + group > limit;
            if (current.Unwritten < group && !nearLimit && clock.GetUtcNow() - current.WrittenAt < MaxUnwritten)
            {
                return true;
            }

            delta = current.Unwritten;
            current.Unwritten = 0;
            current.WrittenAt = clock.GetUtcNow();
        }

        int total;
        try
        {
            // Only a hit that writes leases a database context.
            var db = services.GetRequiredService<TrainingDb>();
            total = (await db.Database.SqlQuery<int>($"""
                INSERT INTO platform.rate_limit_counters (bucket, window_start, hits) VALUES ({bucket}, {window}, {delta})
                ON CONFLICT (bucket, window_start) DO UPDATE SET hits = platform.rate_limit_counters.hits + {delta}
                RETURNING hits AS "Value"
                """).ToListAsync(ct))[0];
        }
        catch
        {
            lock (windows)
            {
                if (windows.TryGetValue(bucket, out var current) && current.Start == window)
                {
                    current.Unwritten += delta;   // written by a later hit instead
                }
            }

            throw;
        }

        lock (windows)
        {
            if (windows.TryGetValue(bucket, out var current) && current.Start == window)
            {
                current.Known = Math.Max(current.Known, total);
                // Other instances' hits pushed the window over while ours were unwritten: this hit is refused after all.
                return total <= limit;
            }
        }

        return total <= limit;
    }
}
