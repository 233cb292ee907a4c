using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Security.ApiKeys;

/// <summary>
/// Authenticates a partner system by its X-Api-Key as role `partner`, bound to its organisation. The key is
/// looked up on every request, so a revocation takes effect at once on every instance.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TrainingDb db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeySecret.Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values.ToString().Trim();
        if (!ApiKeySecret.TryParse(presented, out var prefix))
        {
            return AuthenticateResult.Fail(new ApiKeyRejectedException());
        }

        var key = await db.Set<ApiKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || !ApiKeySecret.Matches(presented, key.SecretHash) || !key.IsUsableAt(clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail(new ApiKeyRejectedException());
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimNames.Subject, "api-key:" + key.Prefix),
            new Claim(ClaimNames.Role, Roles.Partner),
            new Claim(ClaimNames.Organisation, key.OrganisationId.ToString()),
            new Claim(ClaimNames.ApiKey, key.Prefix),
        ], SchemeName, ClaimNames.Subject, ClaimNames.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", $"ApiKey header=\"{ApiKeySecret.Header}\"");
        return Task.CompletedTask;
    }
}

/// <summary>Unknown, revoked, expired and malformed keys are refused alike, so a caller cannot probe which keys exist.</summary>
public sealed class ApiKeyRejectedException() : Exception("The API key is unknown, revoked or expired.");
