using System.Diagnostics;
using System.Text.Json;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// The RDF half of the open-data tests, through scripts/dcat-check.sh (pinned npm packages, installed on first use): the registry's
/// parsers read a serialisation into sorted N-Triples (so the tests never judge the output with the code that wrote it), and
/// rdf-validate-shacl checks Turtle against the SEMIC DCAT-AP 3.0.1 shapes vendored in tools/dcat-check/shapes.
/// </summary>
public static class DcatCheck
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Result(string? FocusNode, string? Path, string Severity, string Message, string? Shape, string? Value);

    public sealed record Report(int Triples, int Violations, int Warnings, int Infos, IReadOnlyList<Result> Results);

    /// <summary>The graph as the set of its N-Triples lines; format is turtle, jsonld or rdfxml.</summary>
    public static async Task<IReadOnlySet<string>> ParseAsync(string format, byte[] bytes)
    {
        var (exit, output, errors) = await RunWithFileAsync(bytes, "parse", format);
        Assert.True(exit == 0, $"dcat-check parse {format} exited {exit}: {errors}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The SHACL report of a Turtle document (the exit code is checked against the count of violations).</summary>
    public static async Task<Report> ValidateAsync(byte[] turtle)
    {
        var (exit, output, errors) = await RunWithFileAsync(turtle, "validate");
        Assert.True(exit is 0 or 1, $"dcat-check validate exited {exit}: {errors}");
        var report = JsonSerializer.Deserialize<Report>(output, Json)!;
        Assert.Equal(report.Violations > 0 ? 1 : 0, exit);
        return report;
    }

    /// <summary>Results of one severity grouped by path and message, with a count and one focus node each: readable in a failure.</summary>
    public static string Summary(Report report, string severity) => string.Join("\n", report.Results.Where(r => r.Severity == severity)
        .GroupBy(r => (r.Path, r.Message)).Select(g => $"{g.Count()}× {g.Key.Path}: {g.Key.Message} (e.g. {g.First().FocusNode}, value {g.First().Value})"));

    private static async Task<(int Exit, string Output, string Errors)> RunWithFileAsync(byte[] bytes, params string[] arguments)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, bytes);
            var script = Path.Combine(Common.OpenApiContractTests.RepositoryRoot(), "scripts", "dcat-check.sh");
            var start = new ProcessStartInfo("bash", [script, .. arguments, file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
