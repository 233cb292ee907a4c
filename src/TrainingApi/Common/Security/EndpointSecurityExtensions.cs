using Microsoft.AspNetCore.Authorization;

namespace TrainingApi.Common.Security;

public static class EndpointSecurityExtensions
{
    /// <summary>
    /// Only callers holding one of these roles may call the endpoint (others: 403; no credentials: 401).
    /// The roles appear in the contract, and the role × operation test holds every endpoint to its table.
    /// </summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', roles) });

    /// <summary>Any authenticated caller.</summary>
    public static TBuilder RequireAnyRole<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles([.. Roles.All]);
}
