using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum;

public static class ListProgrammes
{
    public sealed record Query(string? Search, int Limit, string? Cursor) : IQuery<Page<ProgrammeView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).ValidPageLimit();
            RuleFor(q => q.Search).MaximumLength(200);
        }
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<ProgrammeView>>
    {
        public async ValueTask<Page<ProgrammeView>> Handle(Query query, CancellationToken ct)
        {
            var programmes = db.Set<Programme>().AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = LikePattern.Containing(query.Search);
                programmes = programmes.Where(p => EF.Functions.ILike(p.Title, pattern, LikePattern.Escape));
            }

            if (KeysetCursor.Decode(query.Cursor) is { } after)
            {
                programmes = programmes.Where(p => EF.Functions.GreaterThan(
                    ValueTuple.Create(p.CreatedAt, p.Id), ValueTuple.Create(after.At, after.Id)));
            }

            var rows = await programmes.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Take(query.Limit + 1).ToListAsync(ct);
            return KeysetCursor.ToPage(rows, query.Limit, p => new KeysetCursor(p.CreatedAt, p.Id), ProgrammeView.From);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async (string? search, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(search, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListProgrammes")
            .RequireAnyRole()
            .WithSummary("List programmes")
            .WithDescription("Oldest first, paged by cursor: pass `nextCursor` back as `cursor`. `search` matches part of the title, any case.")
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<ProgrammeView>([ProgrammeView.Example], null));
}
