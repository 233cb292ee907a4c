using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Audit;

public static class ListAuditEntries
{
    public sealed record Query(
        string? EntityType, string? EntityId, string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To,
        int Limit, string? Cursor) : IQuery<Page<AuditEntryView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).ValidPageLimit();
            RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null);
        }
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<AuditEntryView>>
    {
        public async ValueTask<Page<AuditEntryView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var entries = db.Set<AuditEntry>().AsNoTracking();
            if (query.EntityType is { Length: > 0 } type)
            {
                entries = entries.Where(e => e.EntityType == type);
            }

            if (query.EntityId is { Length: > 0 } id)
            {
                entries = entries.Where(e => e.EntityId == id);
            }

            if (query.Actor is { Length: > 0 } actor)
            {
                entries = entries.Where(e => e.ActorSubject == actor || e.OnBehalfOf == actor);
            }

            if (query.Action is { Length: > 0 } action)
            {
                entries = entries.Where(e => e.Action == action);
            }

            if (query.From is { } from)
            {
                entries = entries.Where(e => e.At >= from.ToUniversalTime());
            }

            if (query.To is { } to)
            {
                entries = entries.Where(e => e.At < to.ToUniversalTime());
            }

            return await entries.ToKeysetPageAsync(e => e.At, e => e.Id, query.Cursor, query.Limit, AuditEntryView.From, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder auditEntries) =>
        auditEntries.MapGet("/", async (string? entityType, string? entityId, string? actor, string? action,
                DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(entityType, entityId, actor, action, from, to, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListAuditEntries")
            .WithSummary("Query the audit log")
            .WithDescription("Every state change: who (subject, role, organisation; for work the system did for someone, `onBehalfOf`), which use case, which entity, when, and what changed " +
                             "(personal data named, never copied). Oldest first, paged by cursor; filter by entity, actor (matching the subject or `onBehalfOf`), action and time (`from` inclusive, `to` exclusive).")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<AuditEntryView>([AuditEntryView.Example], null));
}
