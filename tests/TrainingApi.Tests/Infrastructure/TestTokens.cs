using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Security;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>Tokens signed with the key the test API trusts (and, for the refusal tests, with others).</summary>
public static class TestTokens
{
    public const string SigningKeyBase64 = "dGVzdC1zaWduaW5nLWtleS10cmFpbmluZ2FwaS0zMmJ5dGVzISE=";
    public const string Audience = "trainingapi";

    public static readonly SymmetricSecurityKey Key = new(Convert.FromBase64String(SigningKeyBase64));

    public static string For(string role, string? subject = null, string? teryt = null, TimeSpan? lifetime = null,
        DateTimeOffset? issuedAt = null, SecurityKey? key = null, string audience = Audience) =>
        DevelopmentTokens.Create(key ?? Key, audience, role, subject ?? role + "-test", teryt,
            lifetime ?? TimeSpan.FromHours(1), issuedAt ?? DateTimeOffset.UtcNow);
}
