using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Audit;

/// <summary>One change to one entity, written in the same transaction as the change itself.</summary>
public sealed class AuditEntry : INotAudited
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string? actorSubject, string? actorRole, Guid? actorOrganisationId, string action,
        string entityType, string entityId, string operation, string changes, string? traceId)
    {
        Id = Guid.CreateVersion7(at);
        At = at;
        ActorSubject = actorSubject;
        ActorRole = actorRole;
        ActorOrganisationId = actorOrganisationId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Operation = operation;
        Changes = changes;
        TraceId = traceId;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? ActorSubject { get; private set; }
    public string? ActorRole { get; private set; }
    public Guid? ActorOrganisationId { get; private set; }

    /// <summary>The use case, e.g. CreateProgramme.</summary>
    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";

    /// <summary>created, updated or deleted.</summary>
    public string Operation { get; private set; } = "";

    /// <summary>JSON: for each changed property its new value (created) or {from, to} (updated); personal data redacted.</summary>
    public string Changes { get; private set; } = "{}";

    public string? TraceId { get; private set; }
}
