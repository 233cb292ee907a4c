using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security.Oidc;

/// <summary>
/// The provider rotates its signing key (the new one signs, the old one stays published): tokens signed before keep working
/// until they expire, and tokens with the new key id are accepted at once, without restarting the API.
/// </summary>
[Collection(OidcFixture.Collection)]
public sealed class KeyRotationTests
{
    [Fact]
    public async Task Old_tokens_keep_working_and_new_tokens_with_the_new_key_are_accepted_without_a_restart()
    {
        await using var provider = new OidcProviderServer();
        await provider.InitializeAsync();
        // Every unknown key may be fetched at once here; the rate limit has its own test (UnknownSigningKeyTests).
        await using var api = await OidcFixture.StartAsync(new OidcApiFactory(provider, new Dictionary<string, string?> { ["Auth:KeyRefreshMinimumSeconds"] = "0" }));
        var before = await provider.SignInAsync("expert");
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(before).GetAsync("/api/v1/sections-to-review")).StatusCode);

        var newKid = await provider.RotateKeysAsync();
        var after = await provider.SignInAsync("expert");

        Assert.Equal(newKid, new JsonWebToken(after).Kid);
        Assert.NotEqual(newKid, new JsonWebToken(before).Kid);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(after).GetAsync("/api/v1/sections-to-review")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(before).GetAsync("/api/v1/sections-to-review")).StatusCode);
    }
}
