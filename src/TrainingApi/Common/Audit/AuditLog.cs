using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Audit;

/// <summary>
/// For the few changes made by set-based SQL rather than through tracked entities (the interceptor cannot see
/// those): records them in the same transaction, with the same actor and use case as the interceptor would.
/// </summary>
public sealed class AuditLog(IHttpContextAccessor http, AuditScope scope, TimeProvider clock)
{
    public void Changed(DbContext db, string entityType, object entityId, object changes)
    {
        var caller = SecuritySetup.CurrentCaller(http);
        db.Add(new AuditEntry(clock.GetUtcNow(), caller.Subject ?? Caller.System.Subject, caller.PrimaryRole, caller.OrganisationId, scope.Action,
            entityType, Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "", "updated",
            JsonSerializer.Serialize(changes, JsonSerializerOptions.Web), Activity.Current?.TraceId.ToString()));
    }
}
