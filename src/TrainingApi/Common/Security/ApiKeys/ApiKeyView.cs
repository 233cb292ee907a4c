namespace TrainingApi.Common.Security.ApiKeys;

/// <summary>A key as listed: never its secret, which exists only in the answer that issued it.</summary>
public sealed record ApiKeyView(
    Guid Id, Guid OrganisationId, string Name, string Prefix, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static ApiKeyView From(ApiKey k, DateTimeOffset now) =>
        new(k.Id, k.OrganisationId, k.Name, k.Prefix, k.CreatedAt, k.CreatedBy, k.ExpiresAt, k.RevokedAt, k.IsUsableAt(now));

    public static readonly ApiKeyView Example = new(
        Guid.Parse("01936b2e-6c00-7d00-8b00-000000000002"), Guid.Parse("0190a0b0-0000-7000-8000-000000000001"),
        "System uwag ZMP — produkcja", "3f9c2a7b1e0d4c58", new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), "anna.kowalska",
        new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero), null, true);
}

/// <summary>The answer to issuing a key: the only time the secret is shown.</summary>
public sealed record IssuedApiKey(ApiKeyView Key, string Secret)
{
    public static readonly IssuedApiKey Example = new(ApiKeyView.Example,
        "tapi.3f9c2a7b1e0d4c58.q2Jx0mB8s7WkR1vT4yZc9fH3nL6pD5aE0uG2iK8oQwM");
}
