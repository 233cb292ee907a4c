using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.LegalActs;

public static class GetLegalAct
{
    public sealed record Query(Guid Id) : IQuery<Versioned<LegalActView>>;

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Versioned<LegalActView>>
    {
        public async ValueTask<Versioned<LegalActView>> Handle(Query query, CancellationToken ct)
        {
            var act = await db.Set<LegalAct>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, ct)
                      ?? throw Problem.NotFound(CurriculumModule.LegalActNoun, query.Id);
            return new(LegalActView.From(act), act.Version);
        }
    }

    public static void Map(RouteGroupBuilder acts) =>
        acts.MapGet("/{legalActId:guid}", async ([FromRoute(Name = "legalActId")] Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                ConditionalGet.Ok(http, await mediator.Send(new Query(id), ct)))
            .WithName("GetLegalAct")
            .WithSummary("Read a legal act of the register")
            .WithDescription("Answers with the act (its last amendment date too) and its ETag; with If-None-Match naming that ETag, 304.")
            .RequireAnyRole()
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, LegalActView.Example);
}
