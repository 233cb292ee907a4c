using System.Net;
using System.Text.Json;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security.Oidc;

/// <summary>
/// The provider goes down: tokens signed with keys the API already has keep working; a token signed with a key it has not
/// seen cannot be checked, which is a 503 problem (not a 401 that would send a person to sign in again, not a 500, not a
/// hang), and readiness says why.
/// </summary>
[Collection(OidcFixture.Collection)]
public sealed class ProviderOutageTests(OidcFixture oidc)
{
    [Fact]
    public async Task With_the_provider_stopped_cached_keys_keep_working_and_an_unknown_key_is_a_503()
    {
        await using var provider = new OidcProviderServer();
        await provider.InitializeAsync();
        await using var api = await OidcFixture.StartAsync(new OidcApiFactory(provider, new Dictionary<string, string?> { ["Auth:KeyRefreshMinimumSeconds"] = "0" }));
        var known = await provider.SignInAsync("expert");
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(known).GetAsync("/api/v1/sections-to-review")).StatusCode);
        await provider.RotateKeysAsync();
        var signedWithANewKey = await provider.SignInAsync("expert");

        await provider.StopAsync();
        var cached = await api.ClientWithToken(known).GetAsync("/api/v1/sections-to-review");
        var unknown = await api.ClientWithToken(signedWithANewKey).GetAsync("/api/v1/sections-to-review");
        var ready = await api.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        var problem = await unknown.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Contains("identity provider", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(unknown.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var check = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("identity-provider");
        Assert.Equal("degraded", check.GetProperty("status").GetString());
        Assert.Contains("does not answer", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_never_answered_makes_every_token_a_503_and_readiness_says_so()
    {
        // A provider process that is started for its address and stopped before the API ever asks it anything.
        await using var provider = new OidcProviderServer();
        await provider.InitializeAsync();
        var token = await provider.SignInAsync("expert");
        await provider.StopAsync();
        await using var api = await OidcFixture.StartAsync(new OidcApiFactory(provider));

        var response = await api.ClientWithToken(token).GetAsync("/api/v1/sections-to-review");
        var anonymous = await api.CreateClient().GetAsync("/api/v1/recruitments");
        var ready = JsonDocument.Parse(await (await api.CreateClient().GetAsync("/health/ready")).Content.ReadAsStringAsync()).RootElement;

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        var check = ready.GetProperty("checks").GetProperty("identity-provider");
        Assert.Equal("degraded", check.GetProperty("status").GetString());
        Assert.Contains("no signing key was ever fetched", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_is_healthy_while_the_provider_answers()
    {
        var api = await oidc.ApiAsync("flat");
        Assert.Equal(HttpStatusCode.OK, (await (await api.SignedInAsync("expert")).GetAsync("/api/v1/sections-to-review")).StatusCode);

        var ready = JsonDocument.Parse(await (await api.CreateClient().GetAsync("/health/ready")).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("identity-provider").GetProperty("status").GetString());
    }
}
