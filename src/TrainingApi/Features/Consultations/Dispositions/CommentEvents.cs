using TrainingApi.Common.Events;

namespace TrainingApi.Features.Consultations.Dispositions;

/// <param name="ExternalReference">The sender's own reference of the submission the comment came in, when it gave one.</param>
/// <param name="Position">The comment's 1-based place in that submission.</param>
public sealed record CommentDisposed(
    Guid RoundId, Guid CommentId, Guid SubmissionId, string? ExternalReference, int Position, Guid OrganisationId, string? Anchor,
    Disposition Disposition, string Response) : IIntegrationEvent
{
    public static string EventType => "comment.disposed";
    public static int Version => 1;
    public static string Description => "The team answered a consultation comment (or changed its answer); sent to the organisation that made it.";
}

public sealed record CommentTakenIn(
    Guid RoundId, Guid CommentId, Guid SubmissionId, string? ExternalReference, int Position, Guid OrganisationId, Guid VersionId, string VersionLabel)
    : IIntegrationEvent
{
    public static string EventType => "comment.taken-in";
    public static int Version => 1;
    public static string Description => "An accepted consultation comment was worked into a later version of the programme; sent to the organisation that made it.";
}

public sealed record ConsultationReportPublished(Guid RoundId, Guid VersionId, string VersionLabel, string Title, int Comments, string ReportUrl)
    : IIntegrationEvent
{
    public static string EventType => "consultation-report.published";
    public static int Version => 1;
    public static string Description => "A round's consultation report (all comments with dispositions) is public; sent to every subscriber.";
}
