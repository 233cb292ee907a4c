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

            return await programmes.ToKeysetPageAsync(p => p.CreatedAt, p => p.Id, query.Cursor, query.Limit, ProgrammeView.From, ct);
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
