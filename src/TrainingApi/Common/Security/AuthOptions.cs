namespace TrainingApi.Common.Security;

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string DevelopmentIssuer = "trainingapi-development";

    /// <summary>The OpenID Connect provider (its discovery document gives the signing keys). Set in production.</summary>
    public string? Authority { get; set; }

    public string Audience { get; set; } = "trainingapi";

    /// <summary>
    /// Where the provider puts the roles: a claim name (<c>role</c>, Entra's <c>roles</c>) or a dotted path into a nested claim
    /// (Keycloak's <c>realm_access.roles</c> or <c>resource_access.trainingapi.roles</c>); a string or an array of strings.
    /// A claim whose own name has dots (<c>extn.teryt</c>) is found by that name first. Only this claim gives roles.
    /// </summary>
    public string RoleClaim { get; set; } = ClaimNames.Role;

    /// <summary>Where the provider puts a coordinator's TERYT code: a claim name or a dotted path, as <see cref="RoleClaim"/>.</summary>
    public string TerytClaim { get; set; } = ClaimNames.Teryt;

    /// <summary>
    /// A claim listing the person's groups (e.g. <c>groups</c>), where a group named <see cref="TerytGroupPrefix"/> + code gives
    /// the TERYT code when <see cref="TerytClaim"/> is absent. Unset: groups are not read.
    /// </summary>
    public string? TerytGroupClaim { get; set; }

    /// <summary>The start of a group name that names a JST (<c>jst-1201022</c>); a group path's last segment is compared.</summary>
    public string TerytGroupPrefix { get; set; } = "jst-";

    /// <summary>
    /// Roles of service clients, by client id (the token's <c>client_id</c>, <c>azp</c> or <c>appid</c>), for tokens a system
    /// gets with client credentials, which carry no person's roles, e.g. <c>{ "ministry-export": "ministry" }</c>.
    /// </summary>
    public Dictionary<string, string> ClientRoles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The fewest seconds between two fetches of the provider's keys for a token signed with a key not seen yet.</summary>
    public int KeyRefreshMinimumSeconds { get; set; } = 60;

    /// <summary>How long the provider's keys are used before they are fetched again anyway (kept when the provider is down).</summary>
    public int KeyRefreshHours { get; set; } = 12;

    /// <summary>How long one request to the provider (discovery, JWKS) may take before it counts as unreachable.</summary>
    public int ProviderTimeoutSeconds { get; set; } = 5;

    /// <summary>The public client Swagger UI signs in as (authorization code + PKCE) when an Authority is set.</summary>
    public string SwaggerUiClientId { get; set; } = "swagger-ui";

    /// <summary>The scopes Swagger UI asks for, e.g. <c>openid api</c>, or Entra's <c>openid api://…/access_as_user</c>.</summary>
    public string SwaggerUiScopes { get; set; } = "openid";

    /// <summary>
    /// Development (or with <see cref="AllowLocalSigningKey"/>), when no Authority is set: a base64 HMAC key (≥ 32 bytes) for locally minted tokens.
    /// When empty in Development, a key is generated once into .local/dev-signing-key (git-ignored).
    /// </summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>
    /// Outside Development, accept tokens signed with <see cref="DevelopmentSigningKey"/> (which must then be set)
    /// instead of requiring an Authority, and let the <c>token</c> command mint them. For tests and benchmarks on
    /// throwaway data only: anyone who has the key can sign in with any role. Logged as a warning at every start.
    /// </summary>
    public bool AllowLocalSigningKey { get; set; }

    public int ClockSkewSeconds { get; set; } = 30;
}
