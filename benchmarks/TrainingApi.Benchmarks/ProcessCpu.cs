using System.Globalization;

namespace TrainingApi.Benchmarks;

/// <summary>
/// CPU time spent by processes, read from /proc (Linux): user plus system time, in milliseconds. Divided by the requests
/// served between two readings it gives CPU per request, which is steadier on a shared machine than requests per second.
/// A PostgreSQL cluster is counted as its postmaster with every child (the backends serving the connections), plus the
/// children already reaped, which the kernel adds to the postmaster's own account.
/// </summary>
internal static class ProcessCpu
{
    private static readonly double MillisecondsPerTick = 1000.0 / 100; // USER_HZ is 100 on every Linux we run on (getconf CLK_TCK)

    /// <summary>The CPU milliseconds of one process so far; 0 when it is not there (another system, a process gone).</summary>
    public static double Of(int? pid) => pid is { } id && Read(id) is { } times ? (times.User + times.System) * MillisecondsPerTick : 0;

    /// <summary>The CPU milliseconds of a PostgreSQL cluster so far (its postmaster's pid: the first line of postmaster.pid).</summary>
    public static double OfCluster(int? postmaster)
    {
        if (postmaster is not { } id || Read(id) is not { } own)
        {
            return 0;
        }

        var ticks = own.User + own.System + own.ChildrenUser + own.ChildrenSystem;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var child) && Read(child) is { } times && times.Parent == id)
            {
                ticks += times.User + times.System;
            }
        }

        return ticks * MillisecondsPerTick;
    }

    /// <summary>The postmaster's pid of the cluster in a data folder.</summary>
    public static int? Postmaster(string? dataFolder) =>
        dataFolder is not null && File.Exists(Path.Combine(dataFolder, "postmaster.pid"))
            ? int.Parse(File.ReadLines(Path.Combine(dataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture)
            : null;

    /// <summary>This process's own CPU milliseconds so far (the load generator, or a raw loop running in it).</summary>
    public static double OfSelf() => Of(Environment.ProcessId);

    private sealed record Times(int Parent, long User, long System, long ChildrenUser, long ChildrenSystem);

    private static Times? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: the fields are counted after its closing one.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new Times((int)Field(4), Field(14), Field(15), Field(16), Field(17));
    }
}

/// <summary>The CPU of the three parties of a benchmark between two moments: the server (API or bare), PostgreSQL and the load generator.</summary>
internal readonly record struct CpuReading(double Server, double Database, double Client)
{
    public static CpuReading Take(int? serverPid, int? postmasterPid) =>
        new(ProcessCpu.Of(serverPid), ProcessCpu.OfCluster(postmasterPid), ProcessCpu.OfSelf());

    public static CpuReading operator -(CpuReading after, CpuReading before) =>
        new(after.Server - before.Server, after.Database - before.Database, after.Client - before.Client);

    /// <summary>The CPU of two stretches together (a side's measured rounds, one after another).</summary>
    public static CpuReading operator +(CpuReading a, CpuReading b) => new(a.Server + b.Server, a.Database + b.Database, a.Client + b.Client);

    /// <summary>Milliseconds per request of each party.</summary>
    public CpuReading Per(double requests) => new(Server / requests, Database / requests, Client / requests);
}
