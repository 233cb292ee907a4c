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

/// <param name="Reason">`superseded` or `legal-act-amended`.</param>
/// <param name="AdoptingJst">TERYT codes of the JST that recorded they use the release.</param>
public sealed record AdoptedReleaseAffected(Guid ReleaseId, string SemanticVersion, string Reason, string Detail, IReadOnlyList<string> AdoptingJst) : IIntegrationEvent
{
    public static string EventType => "adopted-release.affected";
    public static int Version => 1;
    public static string Description => "A release that JST use was superseded, or a legal act it cites was amended; names the adopting JST.";
}
