using Mediator;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Advisory.Maturity;

public static class GetMaturityFramework
{
    public sealed record Query(string? Version) : IQuery<MaturityFramework>;

    public sealed class Handler : IQueryHandler<Query, MaturityFramework>
    {
        public ValueTask<MaturityFramework> Handle(Query query, CancellationToken ct) =>
            ValueTask.FromResult(query.Version is null ? MaturityFramework.Current
                : MaturityFramework.Find(query.Version) ?? throw Problem.NotFound(new Text("maturity framework version", "wersja modelu dojrzałości"), query.Version));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async (string? version, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(version), ct)))
            .WithName("GetMaturityFramework")
            .WithSummary("The digital-maturity framework a diagnosis is scored against")
            .WithDescription("Areas and their statements (Polish wording), each scored 1–5 or n/a (null). Each statement has a `help` text (Polish, " +
                             "for a municipal official): what it asks about and what a 5 and a 1 look like; help texts may be reworded within a " +
                             "version, statement ids and wording never are. The current version unless `version` names an earlier one. Public.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, MaturityFramework.Current with { Areas = [.. MaturityFramework.Current.Areas.Take(1)] });
}
