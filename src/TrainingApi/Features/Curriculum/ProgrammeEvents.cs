using TrainingApi.Common.Events;

namespace TrainingApi.Features.Curriculum;

public sealed record ProgrammeCreated(Guid ProgrammeId, string Title) : IIntegrationEvent
{
    public static string EventType => "programme.created";
    public static int Version => 1;
    public static string Description => "A training programme was created.";
}

public sealed record ProgrammeUpdated(Guid ProgrammeId, string Title) : IIntegrationEvent
{
    public static string EventType => "programme.updated";
    public static int Version => 1;
    public static string Description => "A programme's title or summary changed.";
}
