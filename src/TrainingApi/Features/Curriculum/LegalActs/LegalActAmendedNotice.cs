using Mediator;

namespace TrainingApi.Features.Curriculum.LegalActs;

/// <summary>
/// Told in process, inside the amendment's transaction, to any slice that handles it (e.g. releases whose adopters
/// must hear of it). The webhook event for outside systems is <see cref="LegalActAmended"/>.
/// </summary>
public sealed record LegalActAmendedNotice(Guid LegalActId, string Citation, DateOnly AmendedOn) : INotification;
