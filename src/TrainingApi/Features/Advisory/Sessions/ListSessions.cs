using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Sessions;

public static class ListSessions
{
    public sealed record Query(Guid EngagementId, int Limit, string? Cursor) : IQuery<Page<SessionView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<SessionView>>
    {
        public async ValueTask<Page<SessionView>> Handle(Query query, CancellationToken ct)
        {
            var engagement = await EngagementLookup.VisibleAsync(access, db, query.EngagementId, ct);
            return await db.Set<AdvisorySession>().AsNoTracking().Where(s => s.EngagementId == engagement.Id)
                .ToKeysetPageAsync(s => s.LoggedAt, s => s.Id, query.Cursor, query.Limit, SessionView.From, ct);
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapGet("/{engagementId:guid}/sessions", async (Guid engagementId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(engagementId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListAdvisorySessions")
            .WithSummary("An engagement's advisory sessions")
            .WithDescription("In the order logged, paged by cursor.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<SessionView>([SessionView.Example], null));
}
