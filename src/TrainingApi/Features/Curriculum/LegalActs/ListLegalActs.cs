using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.LegalActs;

public static class ListLegalActs
{
    public sealed record Query(string? Search, int Limit, string? Cursor) : IQuery<Page<LegalActView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).ValidPageLimit();
            RuleFor(q => q.Search).MaximumLength(200);
        }
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<LegalActView>>
    {
        public async ValueTask<Page<LegalActView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var acts = db.Set<LegalAct>().AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = LikePattern.Containing(query.Search);
                acts = acts.Where(a => EF.Functions.ILike(a.Title, pattern, LikePattern.Escape) || EF.Functions.ILike(a.Citation, pattern, LikePattern.Escape));
            }

            return await acts.ToKeysetPageAsync(a => a.CreatedAt, a => a.Id, query.Cursor, query.Limit, LegalActView.From, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder acts) =>
        acts.MapGet("/", async (string? search, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(search, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListLegalActs")
            .WithSummary("List the register of legal acts")
            .WithDescription("In registration order, paged by cursor; `search` matches part of the citation or title.")
            .RequireAnyRole()
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<LegalActView>([LegalActView.Example], null));
}
