using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// Runs tools/contract-client-ts/src/live-path.ts (the TypeScript client generated from the committed contract) with node
/// against an API on a real socket. It is compiled first by scripts/check-ts-client.sh --build, which installs the pinned npm
/// packages on first use and does nothing when the compiled script is newer than the contract and the sources, so the
/// test works from a fresh clone with `dotnet test` alone, and costs little after CI has run the script.
/// </summary>
public static class TypeScriptLivePath
{
    public sealed record Run(int ExitCode, string Output, string Errors)
    {
        public JsonElement Summary => JsonDocument.Parse(Output).RootElement;

        public string Describe() => $"live-path.js exited {ExitCode}.\nstdout:\n{Output}\nstderr:\n{Errors}";
    }

    public static async Task<Run> RunAsync(Uri baseUrl, string apiKey, Guid roundId, Guid programmeId)
    {
        var root = Common.OpenApiContractTests.RepositoryRoot();
        var build = await ExecAsync(new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "check-ts-client.sh"), "--build"]) { WorkingDirectory = root },
            TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, $"scripts/check-ts-client.sh --build exited {build.ExitCode}:\n{build.Errors}\n{build.Output}");

        var tools = Path.Combine(root, "tools", "contract-client-ts");
        var node = new ProcessStartInfo("node", [Path.Combine(tools, "dist", "live-path.js"), baseUrl.ToString().TrimEnd('/'), roundId.ToString(), programmeId.ToString()])
        {
            WorkingDirectory = tools,
            Environment = { ["TRAININGAPI_API_KEY"] = apiKey },
        };
        return await ExecAsync(node, TimeSpan.FromMinutes(1));
    }

    private static async Task<Run> ExecAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"'{start.FileName}' could not be started ({e.Message}). The TypeScript client test needs bash, node and npm on the PATH " +
                "(Debian: apt-get install nodejs npm; .ci/run expects them installed).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{start.FileName} {string.Join(' ', start.ArgumentList)}' took more than {timeout}: {await errors}");
            }

            return new Run(process.ExitCode, await output, await errors);
        }
    }
}
