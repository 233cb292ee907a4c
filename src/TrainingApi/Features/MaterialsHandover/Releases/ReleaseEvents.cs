using TrainingApi.Common.Events;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public sealed record ReleasePublished(Guid ReleaseId, Guid ProgrammeId, string SemanticVersion, string Title, IReadOnlyList<string> Reasons, string CatalogueUrl)
    : IIntegrationEvent
{
    public static string EventType => "release.published";
    public static int Version => 1;
    public static string Description => "A release of tested materials is published and is now the latest of its programme.";
}

public sealed record ReleaseSuperseded(Guid ReleaseId, string SemanticVersion, Guid SupersededById, string NewSemanticVersion) : IIntegrationEvent
{
    public static string EventType => "release.superseded";
    public static int Version => 1;
    public static string Description => "A newer release of the same programme replaced this one.";
}

/// <param name="AdoptionId">The adoption, whose contact person the programme team reads at <c>ContactUrl</c> (no personal data in events).</param>
public sealed record AdopterReference(Guid AdoptionId, string JstTeryt, string Call, string ContactUrl);

/// <param name="Reason">`superseded` or `legal-act-amended`.</param>
/// <param name="AdoptingJst">TERYT codes of the JST that recorded they use the release.</param>
/// <param name="Adopters">Each adopting JST with the reference to its adoption and contact.</param>
public sealed record AdoptedReleaseAffected(
    Guid ReleaseId, string SemanticVersion, string Reason, string Detail, IReadOnlyList<string> AdoptingJst, IReadOnlyList<AdopterReference> Adopters) : IIntegrationEvent
{
    public static string EventType => "adopted-release.affected";
    public static int Version => 1;
    public static string Description => "A release that JST use was superseded, or a legal act it cites was amended; names the adopting JST and refers to each adoption's contact.";
}

/// <summary>For the Ministry: the release it received in a handover is no longer the latest.</summary>
public sealed record HandoverSuperseded(Guid HandoverId, Guid ReleaseId, string SemanticVersion, Guid SupersededById, string NewSemanticVersion, string? CaseNumber)
    : IIntegrationEvent
{
    public static string EventType => "handover.superseded";
    public static int Version => 1;
    public static string Description => "A release handed over to the Ministry was superseded by a newer release of the same programme.";
}

/// <summary>For the Ministry: a release's package was handed over (recorded by the programme team).</summary>
public sealed record HandoverRecorded(Guid HandoverId, Guid ReleaseId, string SemanticVersion, DateOnly HandedOverOn, string PackageSha256, string PackageUrl)
    : IIntegrationEvent
{
    public static string EventType => "handover.recorded";
    public static int Version => 1;
    public static string Description => "A release's package was handed over to the Ministry; it awaits acknowledgement.";
}
