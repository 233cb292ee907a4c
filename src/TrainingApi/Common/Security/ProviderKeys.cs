using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace TrainingApi.Common.Security;

/// <summary>The provider could not be reached when its keys were needed: the token can be neither accepted nor refused.</summary>
public sealed class ProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The OpenID Connect provider's issuer and signing keys, from its discovery document and JWKS. Fetched before a token needs
/// them, again after <see cref="AuthOptions.KeyRefreshHours"/>, and at once for a token signed with a key not seen yet, but
/// never more often than <see cref="AuthOptions.KeyRefreshMinimumSeconds"/>, so a flood of made-up key ids cannot make the API
/// hammer the provider. While the provider is down the keys already fetched keep working; every request to it is bounded by
/// <see cref="AuthOptions.ProviderTimeoutSeconds"/>, so no request hangs on it.
/// </summary>
public sealed partial class ProviderKeys : IDisposable
{
    private readonly AuthOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<ProviderKeys> log;
    private readonly HttpClient http;
    private readonly SemaphoreSlim fetching = new(1, 1);
    private DateTimeOffset? lastAttempt;

    public ProviderKeys(IOptions<AuthOptions> options, TimeProvider clock, ILogger<ProviderKeys> log)
    {
        this.options = options.Value;
        this.clock = clock;
        this.log = log;
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(Math.Max(1, this.options.ProviderTimeoutSeconds)),
        };
    }

    public sealed record Snapshot(string Issuer, IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt)
    {
        public bool Has(string kid) => Keys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));
    }

    /// <summary>The keys last fetched, or null before the first fetch succeeded.</summary>
    public Snapshot? Current { get; private set; }

    /// <summary>When the last fetch failed (null when it succeeded), so readiness and a 503 can say why.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public string Authority => options.Authority!.TrimEnd('/');

    /// <summary>The keys, fetched first if there are none or they are old; throws only when there are none and none can be had.</summary>
    public async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        var current = Current;
        if (current is not null && clock.GetUtcNow() - current.FetchedAt < TimeSpan.FromHours(options.KeyRefreshHours))
        {
            return current;
        }

        await RefreshAsync(ct);
        return Current ?? throw Unavailable();
    }

    /// <summary>
    /// Makes sure the key a token names is known, fetching the keys again if it is not and the last fetch is old enough. A key
    /// still unknown after that is left to validation to refuse (401); but when the provider could not be asked, nobody can say
    /// whether the key is genuine, and that is a <see cref="ProviderUnavailableException"/> (503).
    /// </summary>
    public async Task EnsureKeyAsync(string? kid, CancellationToken ct)
    {
        var current = await GetAsync(ct);
        if (kid is null || current.Has(kid))
        {
            return;
        }

        await RefreshAsync(ct);
        if (FailingSince is not null && Current?.Has(kid) != true)
        {
            throw Unavailable();
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        var before = lastAttempt;
        await fetching.WaitAsync(ct);
        try
        {
            // Another request fetched while this one waited: that answer is as fresh as this one's would be. And however many
            // tokens ask, the provider is asked at most once per minimum interval, whether it answered last time or not.
            if (lastAttempt != before
                || (lastAttempt is { } last && clock.GetUtcNow() - last < TimeSpan.FromSeconds(options.KeyRefreshMinimumSeconds)))
            {
                return;
            }

            lastAttempt = clock.GetUtcNow();
            try
            {
                var discovery = OpenIdConnectConfiguration.Create(await http.GetStringAsync($"{Authority}/.well-known/openid-configuration", ct));
                var jwks = new JsonWebKeySet(await http.GetStringAsync(discovery.JwksUri, ct));
                Current = new Snapshot(discovery.Issuer, [.. jwks.GetSigningKeys()], clock.GetUtcNow());
                FailingSince = null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException or System.Text.Json.JsonException
                                          && !ct.IsCancellationRequested)
            {
                FailingSince ??= lastAttempt;
                ProviderUnreachable(log, Authority, e.Message);
            }
        }
        finally
        {
            fetching.Release();
        }
    }

    private ProviderUnavailableException Unavailable() =>
        new($"The identity provider {Authority} does not answer (since {FailingSince:u}); its signing keys cannot be fetched.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OpenID Connect provider {Authority} could not be reached for its keys: {Reason}")]
    private static partial void ProviderUnreachable(ILogger logger, string authority, string reason);

    public void Dispose()
    {
        http.Dispose();
        fetching.Dispose();
    }
}
