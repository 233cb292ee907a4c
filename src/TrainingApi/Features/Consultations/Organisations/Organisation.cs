using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.Consultations.Organisations;

public enum OrganisationKind
{
    /// <summary>A national association of local governments (ZMP, ZPP, ZGWRP, UMP, UMiP, ZWRP).</summary>
    NationalAssociation,

    /// <summary>A single JST taking part on its own, identified by its TERYT code.</summary>
    Jst,

    Other,
}

/// <summary>
/// An organisation that comments in consultations and may run a partner system (API keys, webhooks).
/// The tenant of the `partner` role: a partner sees only its own organisation's data.
/// </summary>
public sealed class Organisation : IVersioned
{
    public const int NameMaxLength = 300;
    public const int ShortNameMaxLength = 30;

    private Organisation() { }

    public Organisation(Guid id, string name, string? shortName, OrganisationKind kind, string? teryt, bool isProjectPartner, DateTimeOffset now)
    {
        Id = id;
        Name = name;
        ShortName = shortName;
        Kind = kind;
        Teryt = teryt;
        IsProjectPartner = isProjectPartner;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    public OrganisationKind Kind { get; private set; }

    /// <summary>Set for a single JST (kind `jst`); null otherwise.</summary>
    public string? Teryt { get; private set; }

    public bool IsProjectPartner { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }
}
