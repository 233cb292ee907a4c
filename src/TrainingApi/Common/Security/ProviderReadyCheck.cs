using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Security;

/// <summary>
/// Whether the OpenID Connect provider answers for its keys. Never unhealthy: without the provider the instance still serves
/// anonymous reads, API keys and every token signed with a key it has, and taking all instances out of the load balancer
/// because the provider blinked would stop those too. Degraded says that a token with a new key gets 503 until it answers.
/// </summary>
public sealed class ProviderReadyCheck(ProviderKeys keys, IOptions<AuthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Authority))
        {
            return HealthCheckResult.Healthy("No OpenID Connect provider is configured: tokens are signed with the local key.");
        }

        try
        {
            await keys.GetAsync(cancellationToken);
        }
        catch (ProviderUnavailableException)
        {
            // Said below from FailingSince.
        }

        var current = keys.Current;
        return keys.FailingSince is { } since
            ? HealthCheckResult.Degraded(current is null
                ? $"The identity provider {keys.Authority} does not answer (since {since:u}) and no signing key was ever fetched: every token gets 503."
                : $"The identity provider {keys.Authority} does not answer (since {since:u}): tokens signed with the {current.Keys.Count} key(s) fetched at {current.FetchedAt:u} are accepted; a token with a new key gets 503.")
            : HealthCheckResult.Healthy($"The identity provider {keys.Authority} answers; {current?.Keys.Count ?? 0} signing key(s) fetched at {current?.FetchedAt:u}.");
    }
}
