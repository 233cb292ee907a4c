using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security.Oidc;

/// <summary>
/// A person signs in from Swagger UI in a real browser (Debian's chromium): Authorize, the provider's sign-in page, back with a
/// token (authorization code + PKCE), then "Try it out" on a protected operation answers 200.
/// </summary>
[Collection(OidcFixture.Collection)]
public sealed class SwaggerUiSignInTests
{
    [Fact]
    public async Task Swagger_ui_signs_in_through_the_provider_and_calls_a_protected_operation()
    {
        var port = OidcProviderServer.FreePort();
        var origin = $"http://127.0.0.1:{port}";
        await using var provider = new OidcProviderServer(origin);
        await provider.InitializeAsync();
        await using var api = await OidcFixture.StartAsync(new BrowserFacingApi(provider, port));
        api.StartServer();

        // A GET of the first tag, which Swagger UI shows open; the advisors' list is the team's alone.
        var result = await BrowseAsync(origin, "team", OidcProviderServer.Password, "/api/v1/advisors");

        Assert.True(result.Error is null, $"{result.Error} after {string.Join(", ", result.Steps)}");
        Assert.Equal(["authorize dialog", $"login page {provider.Issuer}", "signed in", "operation found", "operation open", "try it out", "tried it out"], result.Steps);
        Assert.Equal("Bearer", result.Authorization);
        Assert.Equal((int)HttpStatusCode.OK, result.Status);
    }

    private sealed record Outcome(IReadOnlyList<string> Steps, int? Status, string? Authorization, string? Error);

    private static async Task<Outcome> BrowseAsync(string apiBase, string login, string password, string path)
    {
        var root = Common.OpenApiContractTests.RepositoryRoot();
        // The browser: Debian's chromium, installed with apt when missing by the accessibility test's script.
        await RunAsync(new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "a11y-check.sh"), "--install"]));
        var chromium = (await RunAsync(new ProcessStartInfo("bash", ["-c", "command -v \"${CHROMIUM:-chromium}\""]))).Trim();
        var output = await RunAsync(new ProcessStartInfo("node", [Path.Combine(root, "tools", "oidc-provider", "swagger-login.mjs"), apiBase, login, password, path])
        {
            Environment = { ["CHROMIUM"] = chromium },
        }, allowFailure: true);
        return JsonSerializer.Deserialize<Outcome>(output.Trim().Split('\n')[^1], HttpExtensions.Json)!;
    }

    private static async Task<string> RunAsync(ProcessStartInfo start, bool allowFailure = false)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(allowFailure || process.ExitCode == 0, $"{start.FileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {await errors}");
        return await output;
    }

    /// <summary>The API on a real port known before it starts, so the provider can register Swagger UI's redirect address on it.</summary>
    private sealed class BrowserFacingApi : OidcApiFactory
    {
        public BrowserFacingApi(OidcProviderServer provider, int port)
            : base(provider, new Dictionary<string, string?> { ["Auth:SwaggerUiScopes"] = "openid api" }) => UseKestrel(port);
    }
}
