using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Common.Audit;

/// <summary>
/// For the few changes made by set-based SQL rather than through tracked entities (the interceptor cannot see
/// those): records them in the same transaction, with the actor and use case the runner set, as the interceptor would.
/// </summary>
public sealed class AuditLog(UseCaseContext useCase, TimeProvider clock)
{
    public void Changed(DbContext db, string entityType, object entityId, object changes) =>
        Changed(db, entityType, entityId, changes, useCase.Actor, useCase.TraceId);

    /// <summary>
    /// For batch work that acts for several people at once (one placement run places many coordinators'
    /// applications): each entry names whom it acted for and the trace of the request that asked for it.
    /// </summary>
    public void Changed(DbContext db, string entityType, object entityId, object changes, Actor actor, string? traceId) =>
        db.Add(new AuditEntry(clock.GetUtcNow(), actor, useCase.Action, entityType,
            Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "", "updated",
            JsonSerializer.Serialize(changes, JsonSerializerOptions.Web), traceId));
}
