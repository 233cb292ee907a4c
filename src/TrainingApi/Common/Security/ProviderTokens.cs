using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TrainingApi.Common.Security;

/// <summary>Validation of tokens an OpenID Connect provider issued, against its issuer and keys from <see cref="ProviderKeys"/>.</summary>
public static class ProviderTokens
{
    /// <summary>Asymmetric signatures only: a symmetric key would be a secret shared with the provider, and `none` is no signature.</summary>
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static void Configure(JwtBearerOptions jwt, ProviderKeys keys)
    {
        var parameters = jwt.TokenValidationParameters;
        parameters.ValidAlgorithms = Algorithms;
        parameters.IssuerSigningKeyResolver = (_, _, kid, _) =>
            keys.Current?.Keys.Where(k => kid is null || string.Equals(k.KeyId, kid, StringComparison.Ordinal)) ?? [];
        parameters.IssuerValidator = (issuer, _, _) =>
            string.Equals(issuer, keys.Current?.Issuer, StringComparison.Ordinal)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException($"The issuer '{issuer}' is not the configured provider's.") { InvalidIssuer = issuer };

        var validated = jwt.Events.OnMessageReceived;
        jwt.Events.OnMessageReceived = async context =>
        {
            await validated(context);
            var header = context.Request.Headers.Authorization.ToString();
            if (context.Token is null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                context.Token = header["Bearer ".Length..].Trim();
            }

            if (string.IsNullOrEmpty(context.Token))
            {
                return;
            }

            string? kid;
            try
            {
                kid = new JsonWebToken(context.Token).Kid;
            }
            catch (ArgumentException)
            {
                return; // Not a JWT: validation refuses it, with no need for the provider.
            }

            try
            {
                await keys.EnsureKeyAsync(kid, context.HttpContext.RequestAborted);
            }
            catch (ProviderUnavailableException e)
            {
                context.Fail(e);
            }
        };
    }
}
