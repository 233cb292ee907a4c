using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security.Oidc;

/// <summary>
/// Tokens the API must refuse though a provider is configured: for another audience, from another issuer (with a key the API
/// trusts), unsigned, HS256,
/// or signed with a key the provider does not publish. Each is a 401 problem whose WWW-Authenticate names the error
/// (RFC 6750 §3: <c>Bearer error="invalid_token", error_description="…"</c>).
/// </summary>
[Collection(OidcFixture.Collection)]
public sealed class BadProviderTokensTests(OidcFixture oidc)
{
    private const string Protected = "/api/v1/sections-to-review";

    [Fact]
    public async Task A_token_for_another_audience_is_a_401()
    {
        await using var otherApi = await OidcFixture.StartAsync(new OidcApiFactory(oidc.Provider, new Dictionary<string, string?> { ["Auth:Audience"] = "another-api" }));

        var response = await otherApi.ClientWithToken(await oidc.Provider.SignInAsync("expert")).GetAsync(Protected);

        var challenge = await ShouldBeRefusedAsync(response);
        Assert.Contains("audience", challenge, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_a_401_even_signed_with_a_trusted_key()
    {
        // Two providers, two issuers, one signing key: only the issuer tells the other provider's token apart.
        var keyFile = Path.Combine(Path.GetTempPath(), $"oidc-key-{Guid.NewGuid():N}.json");
        try
        {
            await using var trusted = new OidcProviderServer { KeyFile = keyFile };
            await trusted.InitializeAsync();
            await using var other = new OidcProviderServer { KeyFile = keyFile };
            await other.InitializeAsync();
            await using var api = await OidcFixture.StartAsync(new OidcApiFactory(trusted));
            Assert.Equal(HttpStatusCode.OK, (await (await api.SignedInAsync("expert")).GetAsync(Protected)).StatusCode);

            var response = await api.ClientWithToken(await other.SignInAsync("expert")).GetAsync(Protected);

            var challenge = await ShouldBeRefusedAsync(response);
            Assert.Contains("issuer", challenge, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_a_401()
    {
        var api = await oidc.ApiAsync("flat");
        var token = await oidc.Provider.SignInAsync("expert");

        await ShouldBeRefusedAsync(await api.ClientWithToken(ForgedTokens.WithAlgNone(token)).GetAsync(Protected));
    }

    [Fact]
    public async Task An_hs256_token_signed_with_the_providers_public_key_is_a_401()
    {
        var api = await oidc.ApiAsync("flat");
        var token = await oidc.Provider.SignInAsync("expert");
        using var http = new HttpClient();
        var jwks = JsonDocument.Parse(await http.GetStringAsync($"{oidc.Provider.Issuer}/jwks")).RootElement;
        var modulus = ForgedTokens.Decode(jwks.GetProperty("keys")[0].GetProperty("n").GetString()!);

        await ShouldBeRefusedAsync(await api.ClientWithToken(ForgedTokens.Hs256(token, modulus)).GetAsync(Protected));
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_provider_does_not_publish_is_a_401()
    {
        var api = await oidc.ApiAsync("flat");
        var token = await oidc.Provider.SignInAsync("expert");

        var challenge = await ShouldBeRefusedAsync(await api.ClientWithToken(ForgedTokens.WithUnknownKey(token, "made-up-key")).GetAsync(Protected));
        Assert.Contains("key", challenge, StringComparison.Ordinal);
    }

    /// <summary>Asserts the 401 problem and its challenge; the challenge's error description.</summary>
    public static async Task<string> ShouldBeRefusedAsync(HttpResponseMessage response)
    {
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var bearer = Assert.Single(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("error=\"invalid_token\"", bearer.Parameter, StringComparison.Ordinal);
        Assert.Contains("error_description=\"", bearer.Parameter, StringComparison.Ordinal);
        return bearer.Parameter!;
    }
}
