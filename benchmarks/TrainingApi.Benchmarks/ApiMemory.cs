using System.Globalization;

namespace TrainingApi.Benchmarks;

/// <summary>
/// The API process's memory as the kernel counts it (/proc: resident set now and its peak) and as its GC reports it
/// (the runtime's own metrics on the Prometheus endpoint, when the API serves one): the GC figures cost one small GET.
/// </summary>
internal static class ApiMemory
{
    /// <summary>A field of /proc/PID/status in bytes (VmRSS, VmHWM, RssAnon, RssFile, RssShmem); 0 when there is none.</summary>
    public static long Status(int? pid, string field)
    {
        if (pid is null)
        {
            return 0;
        }

        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Where the resident memory is: anonymous (GC heap, native heaps), file (mapped assemblies and libraries), shared (JIT'd code, mapped twice under W^X).</summary>
    public static string Split(int? pid) =>
        $"anon {Mb(Status(pid, "RssAnon"))}, file {Mb(Status(pid, "RssFile"))}, shmem {Mb(Status(pid, "RssShmem"))}";

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The GC's view from the runtime metrics, or null when the API does not serve /metrics.</summary>
    public static async Task<GcFigures?> GcAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/metrics");
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
            double Sum(string name, string? label = null) => lines
                .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is '{' or ' ')
                            && (label is null || l.Contains(label, StringComparison.Ordinal)))
                .Sum(l => double.TryParse(l[(l.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0);
            return new GcFigures(
                (long)Sum("dotnet_gc_last_collection_heap_size_bytes"),
                (long)Sum("dotnet_gc_last_collection_memory_committed_size_bytes"),
                (long)Sum("dotnet_gc_collections_total", "\"gen0\""),
                (long)Sum("dotnet_gc_collections_total", "\"gen1\""),
                (long)Sum("dotnet_gc_collections_total", "\"gen2\""),
                Sum("dotnet_gc_pause_time_seconds_total"));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}

/// <summary>Live heap after the last collection, memory the GC has committed, collections by generation, total pause.</summary>
internal sealed record GcFigures(long Heap, long Committed, long Gen0, long Gen1, long Gen2, double PauseSeconds)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GC heap {ApiMemory.Mb(Heap),4} MB committed {ApiMemory.Mb(Committed),4} MB, collections gen0/1/2 {Gen0}/{Gen1}/{Gen2}, pause {PauseSeconds:0.00} s");
}
