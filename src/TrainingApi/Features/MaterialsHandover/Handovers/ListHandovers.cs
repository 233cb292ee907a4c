using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.MaterialsHandover.Handovers;

public static class ListHandovers
{
    public sealed record Query(bool? Acknowledged, int Limit, string? Cursor) : IQuery<Page<HandoverView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<HandoverView>>
    {
        public async ValueTask<Page<HandoverView>> Handle(Query query, CancellationToken ct)
        {
            var handovers = db.Set<Handover>().AsNoTracking();
            if (query.Acknowledged is { } acknowledged)
            {
                handovers = acknowledged ? handovers.Where(h => h.CaseNumber != null) : handovers.Where(h => h.CaseNumber == null);
            }

            var page = await handovers.ToKeysetPageAsync(h => h.RecordedAt, h => h.Id, query.Cursor, query.Limit, HandoverView.From, ct);
            return page with { Items = await HandoverView.WithSupersessionAsync(db, page.Items, ct) };
        }
    }

    public static void Map(RouteGroupBuilder handovers) =>
        handovers.MapGet("/", async (bool? acknowledged, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(acknowledged, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListHandovers")
            .WithSummary("Handovers to the Ministry")
            .WithDescription("In the order recorded, paged by cursor; `acknowledged=false` lists those awaiting the Ministry's acknowledgement. A handover whose release was superseded names the newer release in `supersededBy`.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<HandoverView>([HandoverView.Example], null));
}
