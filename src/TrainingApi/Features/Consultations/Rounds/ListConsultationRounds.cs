using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Rounds;

public static class ListConsultationRounds
{
    public sealed record Query(Guid? VersionId, int Limit, string? Cursor) : IQuery<Page<RoundView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : IQueryHandler<Query, Page<RoundView>>
    {
        public async ValueTask<Page<RoundView>> Handle(Query query, CancellationToken ct)
        {
            var rounds = db.Set<ConsultationRound>().AsNoTracking();
            if (query.VersionId is { } versionId)
            {
                rounds = rounds.Where(r => r.VersionId == versionId);
            }

            var now = clock.GetUtcNow();
            var page = await rounds.ToKeysetPageAsync(r => r.CreatedAt, r => r.Id, query.Cursor, query.Limit, r => r, ct);
            var counts = await RoundCounts.CommentsAsync(db, [.. page.Items.Select(r => r.Id)], ct);
            return new Page<RoundView>([.. page.Items.Select(r => RoundView.From(r, counts.GetValueOrDefault(r.Id), now))], page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/", async (Guid? versionId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(versionId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListConsultationRounds")
            .WithSummary("List consultation rounds")
            .WithDescription("In the order they were opened, paged by cursor; `versionId` narrows to one programme version.")
            .RequireAnyRole()
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<RoundView>([RoundView.Example], null));
}
