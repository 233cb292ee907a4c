using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Common.Audit;

/// <summary>One change to one entity, written in the same transaction as the change itself.</summary>
public sealed class AuditEntry : INotAudited
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, Actor actor, string action, string entityType, string entityId, string operation, string changes, string? traceId)
    {
        Id = Guid.CreateVersion7(at);
        At = at;
        // An anonymous caller never changes anything itself; what runs before anyone is named is the system's.
        ActorSubject = actor.Caller.Subject ?? Caller.System.Subject;
        ActorRole = actor.Caller.PrimaryRole;
        ActorOrganisationId = actor.Caller.OrganisationId;
        OnBehalfOf = actor.OnBehalfOf;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Operation = operation;
        Changes = changes;
        TraceId = traceId;
    }

    public static AuditEntry For(UseCaseContext useCase, DateTimeOffset at, string entityType, string entityId, string operation, string changes) =>
        new(at, useCase.Actor, useCase.Action, entityType, entityId, operation, changes, useCase.TraceId);

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? ActorSubject { get; private set; }
    public string? ActorRole { get; private set; }
    public Guid? ActorOrganisationId { get; private set; }

    /// <summary>When the system acted for someone (placing a coordinator's application), that person's subject.</summary>
    public string? OnBehalfOf { get; private set; }

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
