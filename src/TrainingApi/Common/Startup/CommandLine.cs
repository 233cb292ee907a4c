using Microsoft.Extensions.Options;
using TrainingApi.Common.Events;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Startup;

/// <summary>
/// One-off commands of the same binary, so production needs no extra tooling:
/// <c>migrate</c> applies migrations and exits; <c>token</c> prints a Development token; <c>openapi [file]</c> writes the contract (by default to the repository's api-spec/openapi.json) and the webhook payload schemas beside it, and exits.
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
                // The webhook payload schemas live beside the contract, in api-spec/events/.
                var events = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "events");
                Directory.CreateDirectory(events);
                foreach (var stale in Directory.GetFiles(events, "*.schema.json"))
                {
                    File.Delete(stale);
                }

                foreach (var (file, schema) in EventSchemas.Render(app.Services.GetRequiredService<EventCatalogue>()))
                {
                    await File.WriteAllTextAsync(Path.Combine(events, file), schema);
                }

                // Schemas of documents the API publishes in files (release.json), also beside the contract.
                foreach (var document in app.Services.GetServices<OpenApi.DocumentSchema>())
                {
                    var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, document.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    await File.WriteAllTextAsync(file, document.Render());
                }

                await app.StopAsync();
                await Console.Out.WriteLineAsync($"OpenAPI document written to {Path.GetFullPath(path)}");
                return true;

            case "token":
                try
                {
                    await Console.Out.WriteLineAsync(DevelopmentToken(app, args));
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException)
                {
                    // One line a script can show, not a stack trace; non-zero so `TOKEN=$(…)` callers can stop.
                    await Console.Error.WriteLineAsync("token: " + e.Message);
                    Environment.ExitCode = 2;
                }

                return true;

            default:
                return false;
        }
    }

    /// <summary>
    /// <c>token &lt;role&gt; [--sub name] [--teryt code] [--hours n]</c>: a bearer token signed with the
    /// Development key, for Swagger UI's Authorize and curl. Refused where a real identity provider is configured,
    /// and outside Development unless Auth:AllowLocalSigningKey is set.
    /// </summary>
    private static string DevelopmentToken(WebApplication app, string[] args)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(auth.Authority))
        {
            throw new InvalidOperationException("Auth:Authority is configured: get tokens from that identity provider.");
        }

        if (SecuritySetup.LocalSigningRefusal(auth, app.Environment) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        if (!app.Environment.IsDevelopment())
        {
            Console.Error.WriteLine($"Warning: minting a locally signed token in environment {app.Environment.EnvironmentName} (Auth:AllowLocalSigningKey).");
        }

        var role = args.ElementAtOrDefault(1) ?? "";
        if (!Roles.TokenRoles.Contains(role))
        {
            throw new ArgumentException($"Name a role: {string.Join(", ", Roles.TokenRoles)} (partners use API keys).");
        }

        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var teryt = Option("--teryt");
        if (role == Roles.JstCoordinator && teryt is null)
        {
            throw new ArgumentException("A jst-coordinator token needs --teryt <code of its JST>, e.g. --teryt 1465011.");
        }

        var hours = int.TryParse(Option("--hours"), out var h) ? h : 8;
        var key = DevelopmentTokens.SigningKey(auth, app.Environment.ContentRootPath);
        return DevelopmentTokens.Create(key, auth.Audience, role, Option("--sub") ?? role + "-demo", teryt, TimeSpan.FromHours(hours), DateTimeOffset.UtcNow);
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
