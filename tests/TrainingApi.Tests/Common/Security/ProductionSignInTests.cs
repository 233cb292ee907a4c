using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security;

/// <summary>
/// Outside Development the API signs people in through an OpenID Connect provider (Auth:Authority). Tokens signed
/// with the local key are accepted there only behind Auth:AllowLocalSigningKey, which is logged at every start.
/// </summary>
public sealed class ProductionSignInTests
{
    [Fact]
    public async Task Production_without_an_authority_refuses_to_start_unless_local_signing_is_allowed()
    {
        await using var refused = new ProductionFactory(allowLocalSigningKey: false);
        await ((IAsyncLifetime)refused).InitializeAsync();

        var error = Assert.ThrowsAny<Exception>(() => refused.CreateClient());

        Assert.Contains("Auth:Authority", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:AllowLocalSigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_local_signing_allowed_starts_accepts_local_tokens_and_warns()
    {
        await using var allowed = new ProductionFactory(allowLocalSigningKey: true);
        await ((IAsyncLifetime)allowed).InitializeAsync();

        var response = await allowed.ClientAs(Roles.ProgrammeTeam).GetAsync("/api/v1/webhook-subscriptions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(allowed.Logged, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("Auth:AllowLocalSigningKey is on in environment Production", StringComparison.Ordinal));
        // The tests' hosts allow loopback webhook receivers; in Production that is said at start too.
        Assert.Contains(allowed.Logged, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("Webhooks:AllowInsecureUrls is on in environment Production", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task The_token_command_refuses_outside_development_without_the_opt_in(string environment)
    {
        var (exitCode, stdout, stderr) = await RunTokenCommandAsync(environment, allowLocalSigningKey: false);

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("eyJ", stdout, StringComparison.Ordinal);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Auth:AllowLocalSigningKey", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", false)]
    [InlineData("Production", true)]
    public async Task The_token_command_prints_a_token_in_development_or_with_the_opt_in(string environment, bool allowLocalSigningKey)
    {
        var (exitCode, stdout, _) = await RunTokenCommandAsync(environment, allowLocalSigningKey);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("eyJ", stdout.Trim().Split('\n')[^1], StringComparison.Ordinal);
    }

    /// <summary>The built API binary, as an operator would run it.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunTokenCommandAsync(string environment, bool allowLocalSigningKey)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" token programme-team")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["ConnectionStrings__TrainingDb"] = "Host=127.0.0.1;Database=unused",
                ["Auth__DevelopmentSigningKey"] = TestTokens.SigningKeyBase64,
                ["Encryption__Key"] = ApiFactory.EncryptionKeyBase64,
            },
        };
        start.Environment.Remove("Auth__Authority");
        if (allowLocalSigningKey)
        {
            start.Environment["Auth__AllowLocalSigningKey"] = "true";
        }
        else
        {
            start.Environment.Remove("Auth__AllowLocalSigningKey");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private sealed class ProductionFactory(bool allowLocalSigningKey) : ApiFactory
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Logged { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            [WebHostDefaults.EnvironmentKey] = "Production",
            ["Auth:AllowLocalSigningKey"] = allowLocalSigningKey ? "true" : "false",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logged)));
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<(LogLevel, string)> entries) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((logLevel, formatter(state, exception)));
            }
        }

        public void Dispose()
        {
        }
    }
}
