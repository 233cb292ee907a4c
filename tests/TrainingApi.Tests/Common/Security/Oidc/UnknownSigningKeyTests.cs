using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security.Oidc;

/// <summary>
/// A token naming a key the API has not seen makes it fetch the provider's keys again before refusing it; a flood of such
/// tokens makes it fetch at most once per Auth:KeyRefreshMinimumSeconds.
/// </summary>
[Collection(OidcFixture.Collection)]
public sealed class UnknownSigningKeyTests(OidcFixture oidc)
{
    private const string Protected = "/api/v1/sections-to-review";

    [Fact]
    public async Task An_unknown_key_is_looked_up_at_the_provider_and_then_refused_with_401()
    {
        await using var api = await OidcFixture.StartAsync(new OidcApiFactory(oidc.Provider, new Dictionary<string, string?> { ["Auth:KeyRefreshMinimumSeconds"] = "0" }));
        var token = await oidc.Provider.SignInAsync("expert");
        await api.ClientWithToken(token).GetAsync(Protected);
        var before = await oidc.Provider.JwksRequestsAsync();

        var response = await api.ClientWithToken(ForgedTokens.WithUnknownKey(token, "never-published")).GetAsync(Protected);

        await BadProviderTokensTests.ShouldBeRefusedAsync(response);
        Assert.Equal(before + 1, await oidc.Provider.JwksRequestsAsync());
    }

    [Fact]
    public async Task A_flood_of_unknown_keys_does_not_make_the_api_fetch_again_within_the_minimum_interval()
    {
        await using var api = await OidcFixture.StartAsync(new OidcApiFactory(oidc.Provider, new Dictionary<string, string?> { ["Auth:KeyRefreshMinimumSeconds"] = "3600" }));
        var token = await oidc.Provider.SignInAsync("expert");
        await api.ClientWithToken(token).GetAsync(Protected);
        var before = await oidc.Provider.JwksRequestsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            api.ClientWithToken(ForgedTokens.WithUnknownKey(token, $"flood-{i}")).GetAsync(Protected)));

        foreach (var response in responses)
        {
            await BadProviderTokensTests.ShouldBeRefusedAsync(response);
        }

        Assert.Equal(before, await oidc.Provider.JwksRequestsAsync());
    }
}
