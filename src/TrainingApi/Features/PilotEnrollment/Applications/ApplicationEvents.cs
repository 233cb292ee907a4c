using TrainingApi.Common.Events;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public sealed record ApplicationAccepted(Guid RecruitmentId, Guid ApplicationId, string JstTeryt) : IIntegrationEvent
{
    public static string EventType => "application.accepted";
    public static int Version => 1;
    public static string Description => "A JST's application took one of the recruitment's places.";
}

public sealed record ApplicationWaitlisted(Guid RecruitmentId, Guid ApplicationId, string JstTeryt, int Position) : IIntegrationEvent
{
    public static string EventType => "application.waitlisted";
    public static int Version => 1;
    public static string Description => "A JST's application is on the waiting list, at this position.";
}

public sealed record ApplicationPromoted(Guid RecruitmentId, Guid ApplicationId, string JstTeryt) : IIntegrationEvent
{
    public static string EventType => "application.promoted";
    public static int Version => 1;
    public static string Description => "A place came free and the first JST on the waiting list took it.";
}

/// <param name="PreviousStatus">What the application was before: <c>accepted</c> or <c>confirmed</c> (its place is freed), <c>waitlisted</c> or <c>submitted</c>.</param>
/// <remarks>The reason stays out: it is free text a coordinator writes and can name people.</remarks>
public sealed record ApplicationWithdrawn(Guid RecruitmentId, Guid ApplicationId, string JstTeryt, ApplicationStatus PreviousStatus) : IIntegrationEvent
{
    public static string EventType => "application.withdrawn";
    public static int Version => 1;
    public static string Description => "A JST withdrew its application; a place it held goes to the first on the waiting list (application.promoted).";
}
