using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice) on every HTML page of a release's ZIP bundle in a real
/// headless Chromium, through scripts/a11y-check.sh (Debian's chromium and pinned npm packages, installed on first use):
/// the pages are unpacked to a temporary folder, keeping html/'s subfolders (html/assets/… where the pages' relative addresses
/// find them), and opened from disk, one browser for all of them. Each page is also loaded at a viewport 320 CSS px wide
/// (WCAG 1.4.10 Reflow) and measured: <see cref="Reflow.ScrollsSideways"/> and the widest elements that stick out.
/// </summary>
public static class AxeInBrowser
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Node(string Target, string Html);

    public sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<Node> Nodes);

    /// <summary>An element wider than the window at 320 px that no scrolling or clipping ancestor holds in: its CSS width and right edge.</summary>
    public sealed record Overflow(string Selector, int Width, int Right, string Html);

    /// <summary>The page at 320 CSS px: the document's scroll width against the window's, and the widest culprits when it is wider.</summary>
    public sealed record Reflow(int ViewportWidth, int ScrollWidth, bool ScrollsSideways, IReadOnlyList<Overflow> Widest);

    public sealed record PageResult(string Page, string AxeVersion, IReadOnlyList<Violation> Violations, Reflow Reflow);

    public sealed record Report(IReadOnlyList<string> Tags, IReadOnlyList<PageResult> Pages);

    public static async Task<Report> CheckBundleAsync(byte[] zip)
    {
        var folder = Directory.CreateTempSubdirectory("axe-");
        try
        {
            using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
            {
                foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("html/", StringComparison.Ordinal) && !e.FullName.EndsWith('/')))
                {
                    var target = Path.GetFullPath(Path.Combine(folder.FullName, entry.FullName["html/".Length..]));
                    Assert.StartsWith(folder.FullName + Path.DirectorySeparatorChar, target, StringComparison.Ordinal);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }
            }

            // A11Y_KEEP_PAGES=/some/folder keeps a copy of the pages, to look at them as a person would.
            if (Environment.GetEnvironmentVariable("A11Y_KEEP_PAGES") is { Length: > 0 } keep)
            {
                var copy = Directory.CreateDirectory(Path.Combine(keep, Guid.NewGuid().ToString("N")[..8]));
                foreach (var file in folder.GetFiles("*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(copy.FullName, Path.GetRelativePath(folder.FullName, file.FullName));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    file.CopyTo(target);
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

    /// <summary>Every page that scrolls sideways at 320 px with its widths and culprits, one line each, for assertion messages.</summary>
    public static string DescribeReflow(Report report) =>
        string.Join("\n", report.Pages.Where(p => p.Reflow.ScrollsSideways).Select(p =>
            $"{p.Page}: {p.Reflow.ScrollWidth} px wide at {p.Reflow.ViewportWidth} px; " + string.Join("; ", p.Reflow.Widest.Select(w => $"{w.Selector} ({w.Width} px): {w.Html}"))));

    /// <summary>Every violation as one readable line per node, for assertion messages.</summary>
    public static string Describe(Report report) =>
        string.Join("\n", report.Pages.SelectMany(p => p.Violations.SelectMany(v => v.Nodes.Select(n => $"{p.Page}: {v.Id} ({v.Impact}) {n.Target}: {n.Html}"))));
}
