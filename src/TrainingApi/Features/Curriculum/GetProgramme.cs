using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum;

public static class GetProgramme
{
    public sealed record Query(Guid Id) : IQuery<Versioned<ProgrammeView>>;

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Versioned<ProgrammeView>>
    {
        public async ValueTask<Versioned<ProgrammeView>> Handle(Query query, CancellationToken ct)
        {
            var programme = await db.Set<Programme>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, ct)
                            ?? throw Problem.NotFound(CurriculumModule.ProgrammeNoun, query.Id);
            return new(ProgrammeView.From(programme), programme.Version);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{programmeId:guid}", async ([FromRoute(Name = "programmeId")] Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(id), ct);
                return ConditionalGet.Ok(http, found);
            })
            .WithName("GetProgramme")
            .RequireAnyRole()
            .WithSummary("Read a programme")
            .WithDescription("Answers with the programme and its ETag; with If-None-Match naming that ETag, 304.")
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ProgrammeView.Example);
}
