using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice) on every HTML page of a release's ZIP bundle in a real
/// headless Chromium, through scripts/a11y-check.sh (Debian's chromium and pinned npm packages, installed on first use):
/// the pages are unpacked to a temporary folder and opened from disk, one browser for all of them.
/// </summary>
public static class AxeInBrowser
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Node(string Target, string Html);

    public sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<Node> Nodes);

    public sealed record PageResult(string Page, string AxeVersion, IReadOnlyList<Violation> Violations);

    public sealed record Report(IReadOnlyList<string> Tags, IReadOnlyList<PageResult> Pages);

    public static async Task<Report> CheckBundleAsync(byte[] zip)
    {
        var folder = Directory.CreateTempSubdirectory("axe-");
        try
        {
            using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
            {
                foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("html/", StringComparison.Ordinal)))
                {
                    entry.ExtractToFile(Path.Combine(folder.FullName, Path.GetFileName(entry.FullName)));
                }
            }

            // A11Y_KEEP_PAGES=/some/folder keeps a copy of the pages, to look at them as a person would.
            if (Environment.GetEnvironmentVariable("A11Y_KEEP_PAGES") is { Length: > 0 } keep)
            {
                var copy = Directory.CreateDirectory(Path.Combine(keep, Guid.NewGuid().ToString("N")[..8]));
                foreach (var file in folder.GetFiles())
                {
                    file.CopyTo(Path.Combine(copy.FullName, file.Name));
                }
            }

            return await RunAsync(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Report> RunAsync(string folder)
    {
        var script = Path.Combine(Common.OpenApiContractTests.RepositoryRoot(), "scripts", "a11y-check.sh");
        var start = new ProcessStartInfo("bash", [script, folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"scripts/a11y-check.sh exited {process.ExitCode}: {await errors}");
        return JsonSerializer.Deserialize<Report>(await output, Json)!;
    }

    /// <summary>Every violation as one readable line per node, for assertion messages.</summary>
    public static string Describe(Report report) =>
        string.Join("\n", report.Pages.SelectMany(p => p.Violations.SelectMany(v => v.Nodes.Select(n => $"{p.Page}: {v.Id} ({v.Impact}) {n.Target}: {n.Html}"))));
}
