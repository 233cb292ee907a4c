using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security.ApiKeys;

namespace TrainingApi.Common.Security;

/// <summary>401 and 403 as problems, saying why the credentials were refused when the scheme knows.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // No endpoint matched (an unknown path, or a malformed id that a route constraint such as {id:guid} refused): there is
        // nothing to protect, and a 401 would send a front end to a login page for a typo. The pipeline's end answers 404.
        if (context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        if (authorizeResult.Challenged)
        {
            // Let the scheme set WWW-Authenticate, then write the body.
            // The scheme's result is cached for the request, so this does not authenticate twice.
            var failure = (await context.AuthenticateAsync()).Failure;
            if (failure is ProviderUnavailableException)
            {
                // Neither the caller's fault nor a verdict on the token: try again when the provider answers.
                context.Response.Headers.RetryAfter = ProblemExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteAsync(context, ProblemKind.ServiceUnavailable, new Text(
                    "The identity provider does not answer, so the token's signing key cannot be checked. Try again shortly.",
                    "Dostawca tożsamości nie odpowiada, więc nie można sprawdzić klucza, którym podpisano token. Spróbuj ponownie za chwilę."));
                return;
            }

            await context.ChallengeAsync();
            await WriteAsync(context, ProblemKind.Unauthorized, WhyUnauthenticated(failure));
            return;
        }

        if (authorizeResult.Forbidden)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var roles = string.Join(", ", policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
                .SelectMany(r => r.AllowedRoles));
            await WriteAsync(context, ProblemKind.Forbidden, new Text(
                $"Your role may not do this. Allowed roles: {roles}.",
                $"Twoja rola nie pozwala na tę operację. Dozwolone role: {roles}."));
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    private static Text WhyUnauthenticated(Exception? failure) =>
        failure switch
        {
            SecurityTokenExpiredException => new("The token has expired; get a new one.", "Token wygasł; uzyskaj nowy."),
            SecurityTokenInvalidAudienceException => new("The token is not meant for this API (wrong audience).", "Token nie jest przeznaczony dla tego API (zła grupa odbiorców)."),
            SecurityTokenInvalidIssuerException => new("The token was issued by an issuer this API does not trust.", "Token wystawił wystawca, któremu to API nie ufa."),
            SecurityTokenException => new("The token is not valid: it is unsigned, or signed with a key this API does not trust.", "Token jest nieważny: nie jest podpisany albo podpisano go nieznanym kluczem."),
            ApiKeyRejectedException => new("The API key is unknown, revoked or expired.", "Klucz API jest nieznany, unieważniony albo wygasł."),
            not null => new("The credentials were refused.", "Poświadczenia zostały odrzucone."),
            null => new(
                "Send a bearer token (Authorization: Bearer …) or, for partner systems, an API key (X-Api-Key: …).",
                "Prześlij token (Authorization: Bearer …) albo, dla systemów partnerów, klucz API (X-Api-Key: …)."),
        };

    private static Task WriteAsync(HttpContext context, ProblemKind kind, Text detail) => context.WriteProblemAsync(kind, detail);
}
