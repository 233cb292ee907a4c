namespace TrainingApi.Common.Security;

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string DevelopmentIssuer = "trainingapi-development";

    /// <summary>The OpenID Connect provider (its discovery document gives the signing keys). Set in production.</summary>
    public string? Authority { get; set; }

    public string Audience { get; set; } = "trainingapi";

    /// <summary>Claim names as the provider issues them, mapped onto ours.</summary>
    public string RoleClaim { get; set; } = ClaimNames.Role;

    public string TerytClaim { get; set; } = ClaimNames.Teryt;

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
