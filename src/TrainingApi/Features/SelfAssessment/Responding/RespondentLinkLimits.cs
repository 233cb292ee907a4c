using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TrainingApi.Features.SelfAssessment.Responding;

/// <summary>
/// Requests per link, on each instance, on top of the per-address limit every anonymous request has: one link being
/// hammered (a stuck client, a shared link) cannot crowd out the rest. Guessing is not what this stops — a 256-bit secret
/// is not guessed — the per-address limit slows that anyway.
/// </summary>
public static class RespondentLinkLimits
{
    public const string Policy = "respondent-link";

    public static IServiceCollection AddRespondentLinkLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetSection(SelfAssessmentOptions.Section).Get<SelfAssessmentOptions>()?.LinkRequestsPerMinute
                        ?? new SelfAssessmentOptions().LinkRequestsPerMinute;
        return services.AddRateLimiter(o => o.AddPolicy(Policy, http =>
            RateLimitPartition.GetFixedWindowLimiter(Key(http), _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    private static string Key(HttpContext http)
    {
        var token = http.Request.RouteValues["token"] as string ?? "";
        return token.Length > Invitations.InvitationSecret.MaxLength ? token[..Invitations.InvitationSecret.MaxLength] : token;
    }
}
