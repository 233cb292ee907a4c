using TrainingApi.Common.OpenApi;

namespace TrainingApi.Common.Startup;

/// <summary>
/// One-off commands of the same binary, so production needs no extra tooling:
/// <c>migrate</c> applies migrations and exits; <c>openapi &lt;file&gt;</c> writes the contract and exits.
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
                var path = args.ElementAtOrDefault(1) ?? "api-spec/openapi.json";
                await File.WriteAllTextAsync(path, OpenApiDocumentText.Render(app.Services));
                await Console.Out.WriteLineAsync($"OpenAPI document written to {Path.GetFullPath(path)}");
                return true;

            default:
                return false;
        }
    }
}
