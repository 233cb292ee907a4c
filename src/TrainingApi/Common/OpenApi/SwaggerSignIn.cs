using Microsoft.OpenApi;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// With an OpenID Connect provider configured, Swagger UI signs people in through it (authorization code + PKCE, as the
/// public client <see cref="AuthOptions.SwaggerUiClientId"/>): the served document gains an <c>openIdConnect</c> scheme naming
/// the provider's discovery document, beside the bearer scheme on every operation that takes a token. The committed contract
/// is generated without a provider, so it names none: where tokens come from is the deployment's, not the contract's.
/// </summary>
public static class SwaggerSignIn
{
    public const string Scheme = "OpenIdConnect";

    public static void AddProvider(OpenApiDocument document, AuthOptions auth)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        if (document.Components.SecuritySchemes.ContainsKey(Scheme))
        {
            return;
        }

        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OpenIdConnect,
            OpenIdConnectUrl = new Uri($"{auth.Authority!.TrimEnd('/')}/.well-known/openid-configuration"),
            Description = "Sign in with the programme's identity provider (authorization code with PKCE); the token is sent as a bearer token.",
        };
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(path => path.Operations ?? []).Select(o => o.Value))
        {
            if (operation.Security?.Any(r => r.Keys.Any(s => s.Reference?.Id == SecurityOperationFilter.BearerScheme)) == true)
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] });
            }
        }
    }
}
