using System.Security.Claims;

namespace TrainingApi.Common.Security;

/// <summary>
/// Who is calling, as the use cases need it: subject, roles, and the tenant that bounds what they may see
/// (a coordinator's JST, a partner's organisation). Made once per request from the authenticated principal.
/// </summary>
public sealed record Caller(string? Subject, IReadOnlySet<string> Roles, string? Teryt, Guid? OrganisationId, string? ApiKeyId)
{
    public static readonly Caller Anonymous = new(null, new HashSet<string>(), null, null, null);

    /// <summary>Background work (workers, purges, start-up), recorded as such in the audit log.</summary>
    public static readonly Caller System = new("system", new HashSet<string>(), null, null, null);

    public bool IsAnonymous => Subject is null;

    public bool Is(string role) => Roles.Contains(role);

    public string? PrimaryRole => Security.Roles.All.FirstOrDefault(Roles.Contains);

    public static Caller From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var roles = principal.FindAll(ClaimNames.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var organisation = principal.FindFirst(ClaimNames.Organisation)?.Value;
        return new Caller(
            principal.FindFirst(ClaimNames.Subject)?.Value,
            roles,
            principal.FindFirst(ClaimNames.Teryt)?.Value,
            Guid.TryParse(organisation, out var org) ? org : null,
            principal.FindFirst(ClaimNames.ApiKey)?.Value);
    }
}
