using TrainingApi.Common.Events;

namespace TrainingApi.Features.PilotEnrollment.Applications;

public sealed record ApplicationOffered(Guid RecruitmentId, Guid ApplicationId, string JstTeryt, DateTimeOffset ExpiresAt) : IIntegrationEvent
{
    public static string EventType => "application.offered";
    public static int Version => 1;
    public static string Description => "A place came free and the first JST on the waiting list is offered it until expiresAt; unconfirmed, the offer lapses.";
}

public sealed record ApplicationOfferConfirmed(Guid RecruitmentId, Guid ApplicationId, string JstTeryt) : IIntegrationEvent
{
    public static string EventType => "application.offer-confirmed";
    public static int Version => 1;
    public static string Description => "A JST confirmed the place it was offered in time; its application is accepted.";
}

public sealed record ApplicationOfferLapsed(Guid RecruitmentId, Guid ApplicationId, string JstTeryt) : IIntegrationEvent
{
    public static string EventType => "application.offer-lapsed";
    public static int Version => 1;
    public static string Description => "A JST did not confirm an offered place in time; the application leaves the recruitment and the place is offered to the next in line.";
}
