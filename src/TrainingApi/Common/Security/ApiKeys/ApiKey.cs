using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Security.ApiKeys;

/// <summary>
/// A partner organisation's credential. Only a SHA-256 hash of the secret is kept: the secret is shown once,
/// when the key is issued. A random 256-bit secret needs no slow password hash; a lookup by the public
/// prefix and a constant-time comparison of hashes are enough.
/// </summary>
public sealed class ApiKey : IVersioned
{
    public const int NameMaxLength = 100;

    private ApiKey() { }

    public ApiKey(Guid organisationId, string name, string prefix, byte[] secretHash, DateTimeOffset expiresAt, string createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        Name = name;
        Prefix = prefix;
        SecretHash = secretHash;
        ExpiresAt = expiresAt;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public byte[] SecretHash { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public uint Version { get; private set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>Revoking twice is not an error: the key stays revoked as of the first time.</summary>
    public void Revoke(string by, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedBy = by;
    }

    public static void EnsureExpiryAllowed(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (expiresAt <= now || expiresAt > now.AddYears(2))
        {
            throw Problem.Validation("expiresAt", new("The expiry must be in the future and at most two years away.",
                "Data wygaśnięcia musi być w przyszłości i najwyżej dwa lata od dziś."));
        }
    }
}
