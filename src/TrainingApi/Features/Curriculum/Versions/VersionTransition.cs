namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>One move in a version's workflow, with who made it and why: the version's history.</summary>
public sealed class VersionTransition
{
    public const int ReasonMaxLength = 1000;

    private VersionTransition() { }

    public VersionTransition(Guid versionId, VersionStatus from, VersionStatus to, string reason, string actor, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        VersionId = versionId;
        From = from;
        To = to;
        Reason = reason;
        Actor = actor;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid VersionId { get; private set; }
    public VersionStatus From { get; private set; }
    public VersionStatus To { get; private set; }
    public string Reason { get; private set; } = "";
    public string Actor { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
