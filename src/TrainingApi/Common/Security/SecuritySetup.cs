using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security.ApiKeys;

namespace TrainingApi.Common.Security;

public static partial class SecuritySetup
{
    /// <summary>Chooses the scheme per request: an X-Api-Key header means a partner system, anything else a bearer token.</summary>
    public const string DefaultScheme = "BearerOrApiKey";

    public static IServiceCollection AddApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApiTag(ApiKeyEndpoints.Tag, "API keys of partner organisations: issued (the secret shown once), listed and revoked by the programme team.");
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        // Transient, read from the scope's use-case context each time: the request pipeline names the caller only after
        // authentication (RequestActorMiddleware), and a copy taken earlier would stay anonymous.
        services.AddTransient(provider => provider.GetRequiredService<UseCases.UseCaseContext>().Caller);
        services.AddScoped<Access>();
        services.Configure<EncryptionOptions>(configuration.GetSection(EncryptionOptions.Section));
        services.AddSingleton<SecretBox>();

        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Bearer token or partner API key", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeySecret.Header) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<ProviderKeys>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IHostEnvironment, ProviderKeys>((jwt, auth, env, keys) => ConfigureJwt(jwt, auth.Value, env, keys));
        services.AddHealthChecks().AddCheck<ProviderReadyCheck>("identity-provider", tags: [Health.HealthEndpoints.ReadyTag]);

        // Safe by default: an endpoint that declares nothing still needs an authenticated caller.
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }

    /// <summary>
    /// Refuses to serve outside Development without a real identity provider (unless locally signed tokens are
    /// explicitly allowed, which is logged at every start) and an encryption key.
    /// </summary>
    public static void EnsureAuthConfigured(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if ((LocalSigningRefusal(auth, app.Environment) ?? InsecureAuthorityRefusal(auth, app.Environment)) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        if (string.IsNullOrWhiteSpace(auth.Authority) && !app.Environment.IsDevelopment())
        {
            LocalSigningKeyAllowed(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrainingApi.Security"), app.Environment.EnvironmentName);
        }

        // Fails here, before serving, when Encryption:Key is missing outside Development.
        app.Services.GetRequiredService<SecretBox>();
    }

    /// <summary>Why tokens may not be signed with the local key here, or null when they may (or an Authority is set).</summary>
    public static string? LocalSigningRefusal(AuthOptions auth, IHostEnvironment env)
    {
        if (!string.IsNullOrWhiteSpace(auth.Authority) || env.IsDevelopment())
        {
            return null;
        }

        if (!auth.AllowLocalSigningKey)
        {
            return $"Auth:Authority (the OpenID Connect provider) must be configured outside Development (environment {env.EnvironmentName}); " +
                   "locally signed tokens need Auth:AllowLocalSigningKey=true, for tests and benchmarks only. See docs/authentication.md.";
        }

        // Never a key generated into .local/ on a server: whoever reads that file could sign in as anyone.
        return string.IsNullOrWhiteSpace(auth.DevelopmentSigningKey)
            ? "Auth:AllowLocalSigningKey outside Development needs Auth:DevelopmentSigningKey set explicitly."
            : null;
    }

    /// <summary>
    /// The provider's keys decide who may sign in, so they are fetched over HTTPS, except from a provider on this machine
    /// (the local test provider of scripts/run.sh --oidc and the tests) or in Development.
    /// </summary>
    public static string? InsecureAuthorityRefusal(AuthOptions auth, IHostEnvironment env) =>
        string.IsNullOrWhiteSpace(auth.Authority) || env.IsDevelopment() ? null
        : !Uri.TryCreate(auth.Authority, UriKind.Absolute, out var authority) ? $"Auth:Authority ({auth.Authority}) must be an absolute URL."
        : authority.Scheme == Uri.UriSchemeHttps || authority.IsLoopback ? null
        : $"Auth:Authority ({auth.Authority}) must be an https URL outside Development.";

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Auth:AllowLocalSigningKey is on in environment {Environment}: tokens signed with Auth:DevelopmentSigningKey are accepted, and anyone with that key can sign in with any role. For tests and benchmarks only; configure Auth:Authority for real use.")]
    private static partial void LocalSigningKeyAllowed(ILogger logger, string environment);

    private static void ConfigureJwt(JwtBearerOptions jwt, AuthOptions auth, IHostEnvironment env, ProviderKeys keys)
    {
        // Keep claim names as issued (`sub`, `role`), not mapped to long WS-* URIs.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = auth.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(auth.ClockSkewSeconds),
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Role,
        };

        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context => NormaliseClaims(context, auth),
            OnChallenge = context => DescribeChallenge(context),
        };
        if (!string.IsNullOrWhiteSpace(auth.Authority))
        {
            // The issuer and keys come from ProviderKeys, not from JwtBearer's own configuration manager: it fetches a key it
            // has not seen before this token is validated (the built-in one only asks for the next request), rate-limits that,
            // and tells an unreachable provider (503) from a bad token (401).
            ProviderTokens.Configure(jwt, keys);
        }
        else
        {
            jwt.TokenValidationParameters.ValidIssuer = AuthOptions.DevelopmentIssuer;
            jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.SigningKey(auth, env.ContentRootPath);
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
    }

    /// <summary>
    /// RFC 6750 §3: a refused token's challenge names the error, <c>Bearer error="invalid_token", error_description="…"</c>.
    /// JwtBearer describes the failures it knows; the ones this API adds (no subject, a coordinator without a JST) get their reason.
    /// </summary>
    private static Task DescribeChallenge(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is { } failure && string.IsNullOrEmpty(context.ErrorDescription))
        {
            context.Error ??= "invalid_token";
            context.ErrorDescription = failure is SecurityTokenSignatureKeyNotFoundException
                ? "The token is signed with a key the provider does not publish."
                : failure.Message.Split('\n')[0].Replace('"', '\'');
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Brings the provider's claim names onto ours and refuses tokens that cannot be right: no subject, the
    /// partner role (partners use API keys), or a coordinator without a well-formed TERYT code.
    /// </summary>
    private static Task NormaliseClaims(TokenValidatedContext context, AuthOptions auth)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            context.Fail("No identity.");
            return Task.CompletedTask;
        }

        if (ProviderClaims.Normalise(identity, auth) is { } refusal)
        {
            context.Fail(new SecurityTokenException(refusal));
            return Task.CompletedTask;
        }

        var roles = identity.FindAll(ClaimNames.Role).Select(c => c.Value).ToList();
        var teryt = identity.FindFirst(ClaimNames.Teryt)?.Value;
        if (identity.FindFirst(ClaimNames.Subject) is null)
        {
            context.Fail(new SecurityTokenException("The token has no subject."));
        }
        else if (roles.Contains(Roles.Partner) || identity.HasClaim(c => c.Type == ClaimNames.Organisation))
        {
            context.Fail(new SecurityTokenException("Partner systems authenticate with API keys, not tokens."));
        }
        else if (roles.Contains(Roles.JstCoordinator) && (teryt is null || !TerytFormat().IsMatch(teryt)
                     || context.HttpContext.RequestServices.GetService<IJstDirectory>()?.Exists(teryt) == false))
        {
            context.Fail(new SecurityTokenException("A coordinator's token must carry the TERYT code of a JST in the register."));
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex("^([0-9]{2}|[0-9]{4}|[0-9]{7})$")]
    private static partial Regex TerytFormat();
}
