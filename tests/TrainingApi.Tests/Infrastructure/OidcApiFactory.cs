using System.Net.Http.Headers;
using TrainingApi.Common.Security;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// The API trusting the local OpenID Connect provider (Auth:Authority) instead of the tests' local key, with the claim mapping
/// of one provider shape. Its clients carry tokens the provider issued.
/// </summary>
public class OidcApiFactory(OidcProviderServer provider, IReadOnlyDictionary<string, string?>? settings = null) : ApiFactory
{
    public OidcProviderServer Provider => provider;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var all = new Dictionary<string, string?>
            {
                ["Auth:Authority"] = provider.Issuer,
                ["Auth:AllowLocalSigningKey"] = "false",
                [$"Auth:ClientRoles:{OidcProviderServer.ServiceClient}"] = Roles.Ministry,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            return all;
        }
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in through the provider as one of its test accounts, by way of one of its clients.</summary>
    public async Task<HttpClient> SignedInAsync(string login, string clientId = "frontend") =>
        ClientWithToken(await provider.SignInAsync(login, clientId));
}

/// <summary>
/// One provider for the sign-in tests of a collection, and one API per claim shape over it (made on first use, each on a
/// database of its own), all stopped when the collection ends.
/// </summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public const string Collection = "OpenID Connect provider";

    /// <summary>The provider's test accounts by the role each holds.</summary>
    public static readonly IReadOnlyDictionary<string, string> Logins = new Dictionary<string, string>
    {
        [Roles.ProgrammeTeam] = "team", [Roles.Expert] = "expert", [Roles.JstCoordinator] = "coordinator",
        [Roles.Advisor] = "advisor", [Roles.Ministry] = "ministry",
    };

    /// <summary>The coordinator account's JST (Bochnia, gmina wiejska).</summary>
    public const string CoordinatorTeryt = "1201022";

    /// <summary>How the API is told where each of the provider's claim shapes puts roles and the TERYT code (docs/authentication.md).</summary>
    public static readonly IReadOnlyDictionary<string, (string Client, Dictionary<string, string?> Settings)> Shapes =
        new Dictionary<string, (string, Dictionary<string, string?>)>
        {
            ["flat"] = ("frontend", []),
            ["array"] = ("test-array", []),
            ["keycloak-realm-roles"] = ("test-keycloak", new() { ["Auth:RoleClaim"] = "realm_access.roles", ["Auth:TerytClaim"] = "jst.teryt" }),
            ["keycloak-client-roles-and-groups"] = ("test-keycloak", new()
            {
                ["Auth:RoleClaim"] = "resource_access.trainingapi.roles", ["Auth:TerytClaim"] = "teryt", ["Auth:TerytGroupClaim"] = "groups",
            }),
            ["entra"] = ("test-entra", new() { ["Auth:RoleClaim"] = "roles", ["Auth:TerytClaim"] = "extn.teryt" }),
        };

    private readonly Dictionary<string, Task<OidcApiFactory>> apis = [];
    private readonly object gate = new();

    public OidcProviderServer Provider { get; } = new();

    public Task InitializeAsync() => Provider.InitializeAsync();

    /// <summary>The API configured for the shape, made on first use.</summary>
    public Task<OidcApiFactory> ApiAsync(string shape)
    {
        lock (gate)
        {
            if (!apis.TryGetValue(shape, out var api))
            {
                api = StartAsync(new OidcApiFactory(Provider, Shapes[shape].Settings));
                apis[shape] = api;
            }

            return api;
        }
    }

    /// <summary>An API with settings of its own over the shared provider, disposed by the caller.</summary>
    public static async Task<OidcApiFactory> StartAsync(OidcApiFactory api)
    {
        await api.InitializeAsync();
        return api;
    }

    public async Task DisposeAsync()
    {
        foreach (var api in apis.Values)
        {
            await ((IAsyncLifetime)await api).DisposeAsync();
        }

        await Provider.DisposeAsync();
    }
}

[CollectionDefinition(OidcFixture.Collection)]
public sealed class OidcCollection : ICollectionFixture<OidcFixture>;
