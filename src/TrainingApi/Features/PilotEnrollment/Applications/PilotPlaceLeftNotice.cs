using Mediator;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// In-process, inside the withdrawal's transaction: a JST that held a place (accepted or confirmed) left the pilot. Other
/// slices that work with piloted JST react (Advisory ends the JST's engagement) without PilotEnrollment knowing them.
/// </summary>
public sealed record PilotPlaceLeftNotice(Guid RecruitmentId, Guid ApplicationId, string JstTeryt) : INotification;
