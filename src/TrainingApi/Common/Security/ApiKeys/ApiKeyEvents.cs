using TrainingApi.Common.Events;

namespace TrainingApi.Common.Security.ApiKeys;

/// <summary>Sent to the organisation's own subscriptions (and the team's), so a partner learns of every key in its name.</summary>
public sealed record ApiKeyIssued(Guid OrganisationId, Guid KeyId, string Prefix, DateTimeOffset ExpiresAt) : IIntegrationEvent
{
    public static string EventType => "api-key.issued";
    public static int Version => 1;
    public static string Description => "An API key was issued to the organisation (the secret is never sent).";
}

public sealed record ApiKeyRevoked(Guid OrganisationId, Guid KeyId, string Prefix, DateTimeOffset RevokedAt) : IIntegrationEvent
{
    public static string EventType => "api-key.revoked";
    public static int Version => 1;
    public static string Description => "One of the organisation's API keys was revoked and no longer authenticates.";
}
