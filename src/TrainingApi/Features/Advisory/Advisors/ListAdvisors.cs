using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Advisors;

public static class ListAdvisors
{
    public sealed record Query(int Limit, string? Cursor) : IQuery<Page<AdvisorView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<AdvisorView>>
    {
        public async ValueTask<Page<AdvisorView>> Handle(Query query, CancellationToken ct)
        {
            var page = await db.Set<Advisor>().AsNoTracking().ToKeysetPageAsync(a => a.CreatedAt, a => a.Id, query.Cursor, query.Limit, a => a, ct);
            var ids = page.Items.Select(a => a.Id).ToList();
            var active = await db.Set<Engagement>().Where(e => ids.Contains(e.AdvisorId) && e.Stage != EngagementStage.Closed)
                .GroupBy(e => e.AdvisorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            return new Page<AdvisorView>([.. page.Items.Select(a => AdvisorView.From(a, active.GetValueOrDefault(a.Id)))], page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder advisors) =>
        advisors.MapGet("/", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListAdvisors")
            .WithSummary("List advisors with their load")
            .WithDescription("In registration order, paged by cursor, with how many engagements not yet closed each holds against their capacity.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<AdvisorView>([AdvisorView.Example], null));
}
