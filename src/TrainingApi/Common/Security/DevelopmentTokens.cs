using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TrainingApi.Common.Security;

/// <summary>
/// Tokens for local development and tests, signed with a local key instead of an OpenID Connect provider.
/// Never used when Auth:Authority is configured, nor outside Development without Auth:AllowLocalSigningKey
/// (<see cref="SecuritySetup.LocalSigningRefusal"/>).
/// </summary>
public static class DevelopmentTokens
{
    private const string KeyFile = ".local/dev-signing-key";

    /// <summary>The configured key, or one generated once into the git-ignored .local folder, so no key is committed.</summary>
    public static SymmetricSecurityKey SigningKey(AuthOptions options, string contentRoot)
    {
        var encoded = options.DevelopmentSigningKey;
        if (string.IsNullOrWhiteSpace(encoded))
        {
            var path = Path.Combine(contentRoot, KeyFile);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }

            encoded = File.ReadAllText(path).Trim();
        }

        var bytes = Convert.FromBase64String(encoded);
        return bytes.Length < 32
            ? throw new InvalidOperationException("Auth:DevelopmentSigningKey must be at least 32 bytes (base64).")
            : new SymmetricSecurityKey(bytes) { KeyId = "development" };
    }

    public static string Create(SecurityKey key, string audience, string role, string subject, string? teryt, TimeSpan lifetime, DateTimeOffset now)
    {
        var claims = new List<Claim> { new(ClaimNames.Subject, subject), new(ClaimNames.Role, role) };
        if (teryt is not null)
        {
            claims.Add(new Claim(ClaimNames.Teryt, teryt));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.DevelopmentIssuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
