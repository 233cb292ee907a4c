using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// The local OpenID Connect provider of scripts/oidc-provider.sh (the certified npm package oidc-provider, installed on first
/// use) on a free loopback port, as a process of its own: started like PostgreSQL is, waited for on its ready line, killed
/// at the end. Gets tokens the way a client does: client credentials for the service client, and for a person the
/// authorization code flow with PKCE through the provider's sign-in form, without a browser.
/// </summary>
public sealed class OidcProviderServer : IAsyncLifetime
{
    public const string Password = "test";
    public const string ServiceClient = "ministry-export";
    public const string ServiceSecret = "ministry-export-secret";
    private const string RedirectUri = "http://localhost:5173/callback";

    private readonly string[] apiOrigins;
    private readonly StringBuilder output = new();
    private Process? process;

    public OidcProviderServer() : this([])
    {
    }

    /// <param name="apiOrigins">Origins of APIs whose Swagger UI may sign in (its redirect address is registered for each).</param>
    public OidcProviderServer(params string[] apiOrigins) => this.apiOrigins = apiOrigins;

    public string Issuer { get; private set; } = "";

    /// <summary>Where the provider reads its first signing key from, or writes the one it makes (two issuers, one key).</summary>
    public string? KeyFile { get; init; }

    /// <summary>From starting the process to its ready line (npm install excluded: done before the clock starts).</summary>
    public TimeSpan StartedIn { get; private set; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        var script = Path.Combine(Common.OpenApiContractTests.RepositoryRoot(), "scripts", "oidc-provider.sh");
        await RunAsync("bash", [script, "--install"], TimeSpan.FromMinutes(3));

        var port = FreePort();
        Issuer = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("bash", [script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. apiOrigins.SelectMany(o => new[] { "--api-origin", o }),
            .. KeyFile is null ? Array.Empty<string>() : ["--key-file", KeyFile]])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("oidc-provider ready", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The provider exited before it was ready:\n{Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Node starting the provider competes with the whole suite for two cores; a generous limit costs a passing run nothing.
        try
        {
            await Eventually.SignalledAsync("the OIDC provider to say it is ready", ready.Task, TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Its output so far:\n{Output}", e);
        }

        StartedIn = clock.Elapsed;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Stops the provider as an outage would: the process is gone, its port refuses connections.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
    }

    /// <summary>A token for the Ministry's export system (client credentials): no person, no role claim.</summary>
    public async Task<string> ServiceTokenAsync()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Issuer}/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{ServiceClient}:{ServiceSecret}")));
        return await AccessTokenAsync(await http.SendAsync(request));
    }

    /// <summary>
    /// A person's access token through the authorization code flow with PKCE: the authorization request, the provider's sign-in
    /// form (login name and password), its redirects back to the client's address with a code, and the code exchanged.
    /// </summary>
    public async Task<string> SignInAsync(string login, string clientId = "frontend")
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var location = new Uri($"{Issuer}/auth?client_id={clientId}&response_type=code&scope=openid%20api&state={state}" +
                               $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256");
        for (var hop = 0; hop < 10; hop++)
        {
            var response = await http.GetAsync(location);
            if (response.StatusCode == HttpStatusCode.OK && location.AbsolutePath.StartsWith("/interaction/", StringComparison.Ordinal))
            {
                response = await http.PostAsync(location, new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = login, ["password"] = Password }));
            }

            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found,
                $"{location} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            location = new Uri(location, response.Headers.Location!);
            if (location.ToString().StartsWith(RedirectUri, StringComparison.Ordinal))
            {
                var query = System.Web.HttpUtility.ParseQueryString(location.Query);
                Assert.Equal(state, query["state"]);
                var code = query["code"] ?? throw new InvalidOperationException($"No code: {location}");
                return await AccessTokenAsync(await http.PostAsync($"{Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code,
                    ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
                })));
            }
        }

        throw new InvalidOperationException("The sign-in did not come back to the client.");
    }

    /// <summary>The provider signs with a new key from now on and publishes it beside the old ones; its key id.</summary>
    public async Task<string> RotateKeysAsync()
    {
        using var http = new HttpClient();
        var response = await http.PostAsync($"{Issuer}/test-admin/rotate-keys", null);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("kid").GetString()!;
    }

    /// <summary>How many times the provider's JWKS has been fetched.</summary>
    public async Task<int> JwksRequestsAsync()
    {
        using var http = new HttpClient();
        var body = await http.GetStringAsync($"{Issuer}/test-admin/stats");
        return JsonDocument.Parse(body).RootElement.GetProperty("jwksRequests").GetInt32();
    }

    private static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The token endpoint answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task RunAsync(string file, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var install = Process.Start(start)!;
        var errors = install.StandardError.ReadToEndAsync();
        _ = install.StandardOutput.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await install.WaitForExitAsync(cancel.Token);
        Assert.True(install.ExitCode == 0, $"{string.Join(' ', arguments)} exited {install.ExitCode}: {await errors}");
    }
}
