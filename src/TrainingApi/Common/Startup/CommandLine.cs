using TrainingApi.Common.OpenApi;

namespace TrainingApi.Common.Startup;

/// <summary>
/// One-off commands of the same binary, so production needs no extra tooling:
/// <c>migrate</c> applies migrations and exits; <c>openapi [file]</c> writes the contract (by default to the repository's api-spec/openapi.json) and exits.
/// </summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                using (var scope = app.Services.CreateScope())
                {
                    var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrainingApi.Migrate");
                    await StartupTasks.MigrateAsync(scope.ServiceProvider, log);
                }

                return true;

            case "openapi":
                var path = args.ElementAtOrDefault(1) ?? CommittedContractPath();
                // The endpoints reach the API explorer only when the pipeline is built, i.e. when the host starts;
                // it starts on a free loopback port, touches no database and stops again.
                app.Urls.Clear();
                app.Urls.Add("http://127.0.0.1:0");
                await app.StartAsync();
                await File.WriteAllTextAsync(path, OpenApiDocumentText.Render(app.Services));
                await app.StopAsync();
                await Console.Out.WriteLineAsync($"OpenAPI document written to {Path.GetFullPath(path)}");
                return true;

            default:
                return false;
        }
    }

    /// <summary>
    /// api-spec/openapi.json of the checkout this runs in. `dotnet run` starts the program in the project's
    /// folder, so the file is found by walking up to the solution rather than relative to the current folder.
    /// </summary>
    private static string CommittedContractPath()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrainingApi.sln")))
            {
                return Path.Combine(dir.FullName, "api-spec", "openapi.json");
            }
        }

        throw new InvalidOperationException("Run this inside the repository, or name the output file: openapi <file>.");
    }
}
