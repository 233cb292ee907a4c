using TrainingApi.Common.Events;

namespace TrainingApi.Features.Curriculum.Versions;

public sealed record VersionStatusChanged(Guid ProgrammeId, Guid VersionId, string Label, string From, string To) : IIntegrationEvent
{
    public static string EventType => "version.status-changed";
    public static int Version => 1;
    public static string Description => "A programme version moved in its workflow (e.g. to in-consultation, or to tested).";
}
