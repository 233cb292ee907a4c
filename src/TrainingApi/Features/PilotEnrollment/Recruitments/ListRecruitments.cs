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
            var recruitments = db.Set<Recruitment>().AsNoTracking();
            if (KeysetCursor.Decode(query.Cursor) is { } after)
            {
                recruitments = recruitments.Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.CreatedAt, r.Id), ValueTuple.Create(after.At, after.Id)));
            }

            var rows = await recruitments.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            return KeysetCursor.ToPage(rows, query.Limit, r => new KeysetCursor(r.CreatedAt, r.Id), r => RecruitmentView.From(r, now));
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
