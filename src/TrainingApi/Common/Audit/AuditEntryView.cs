using System.Text.Json;

namespace TrainingApi.Common.Audit;

/// <param name="OnBehalfOf">When the system acted for someone (placing a coordinator's application), that person's subject.</param>
public sealed record AuditActor(string? Subject, string? Role, Guid? OrganisationId, string? OnBehalfOf);

public sealed record AuditEntryView(
    Guid Id, DateTimeOffset At, AuditActor Actor, string Action, string EntityType, string EntityId, string Operation,
    JsonElement Changes, string? TraceId)
{
    public static AuditEntryView From(AuditEntry e) => new(
        e.Id, e.At, new AuditActor(e.ActorSubject, e.ActorRole, e.ActorOrganisationId, e.OnBehalfOf), e.Action, e.EntityType, e.EntityId,
        e.Operation, JsonDocument.Parse(e.Changes).RootElement.Clone(), e.TraceId);

    public static readonly AuditEntryView Example = new(
        Guid.Parse("01936b2e-5b00-7c00-8a00-000000000001"),
        new DateTimeOffset(2024, 3, 4, 10, 15, 0, TimeSpan.Zero),
        new AuditActor("anna.kowalska", "programme-team", null, null),
        "UpdateProgramme", "Programme", "01936b2e-4a8c-7d3e-9f10-2b3c4d5e6f70", "updated",
        JsonDocument.Parse("""{"title":{"from":"Cyfryzacja szkół","to":"Zarządzanie cyfryzacją szkół w JST"}}""").RootElement,
        "4bf92f3577b34da6a3ce929d0e0e4736");
}
