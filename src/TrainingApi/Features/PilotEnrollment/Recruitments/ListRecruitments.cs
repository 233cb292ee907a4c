using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class ListRecruitments
{
    public sealed record Query(int Limit, string? Cursor) : IQuery<Page<RecruitmentView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : IQueryHandler<Query, Page<RecruitmentView>>
    {
        public async ValueTask<Page<RecruitmentView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            return await db.Set<Recruitment>().AsNoTracking()
                .ToKeysetPageAsync(r => r.CreatedAt, r => r.Id, query.Cursor, query.Limit, r => RecruitmentView.From(r, now), cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapGet("/", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListRecruitments")
            .WithSummary("List recruitments, with places left")
            .WithDescription("Public: any JST can see what recruitments there are, whether they are open and how many places are left.")
            .AllowAnonymous()
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<RecruitmentView>([RecruitmentView.Example], null));
}
