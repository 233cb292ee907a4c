using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class GetJstTimetable
{
    public sealed record Query(string Teryt, int Limit, string? Cursor) : IQuery<Page<TimetableSession>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    /// <summary>
    /// Every session of the cohorts the JST's applications belong to, in time order (across recruitments). A coordinator
    /// asks for its own JST (either code of a city with county rights); another JST's timetable is a 404.
    /// </summary>
    public sealed class Handler(TrainingDb db, PilotAccess access, IJstDirectory jsts) : IQueryHandler<Query, Page<TimetableSession>>
    {
        public async ValueTask<Page<TimetableSession>> Handle(Query query, CancellationToken cancellationToken)
        {
            var teryt = jsts.Canonical(query.Teryt);
            if (teryt is null || (access.OwnJst is { } own && own != teryt))
            {
                throw Problem.NotFound(new Text($"No JST with TERYT code '{query.Teryt}' has a timetable you may see.",
                    $"Nie ma JST o kodzie TERYT '{query.Teryt}' z harmonogramem, który możesz zobaczyć."));
            }

            var cohorts = db.Set<CohortApplication>()
                .Join(db.Set<Application>().Where(a => a.JstTeryt == teryt), c => c.ApplicationId, a => a.Id, (c, a) => c.CohortId);
            var names = await db.Set<Cohort>().Where(c => cohorts.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            return await db.Set<TrainingSession>().AsNoTracking().Where(s => cohorts.Contains(s.CohortId))
                .ToKeysetPageAsync(s => s.StartsAt, s => s.Id, query.Cursor, query.Limit, s => TimetableSession.From(s, names[s.CohortId]), cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder jst) =>
        jst.MapGet("/{teryt}/sessions", async (string teryt, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(teryt, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("GetJstTimetable")
            .WithSummary("A JST's training timetable")
            .WithDescription("The sessions of the cohorts its participants train in, in time order, paged: date (also in Europe/Warsaw), module, " +
                             "mode, place or link, trainer. A coordinator reads its own JST's only (another JST's is a 404).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<TimetableSession>([TimetableSession.Example], null));
}
