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
    /// Development only, when no Authority is set: a base64 HMAC key (≥ 32 bytes) for locally minted tokens.
    /// When empty in Development, a key is generated once into .local/dev-signing-key (git-ignored).
    /// </summary>
    public string? DevelopmentSigningKey { get; set; }

    public int ClockSkewSeconds { get; set; } = 30;
}
