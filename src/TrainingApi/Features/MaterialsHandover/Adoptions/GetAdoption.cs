using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Adoptions;

public static class GetAdoption
{
    public sealed record Query(Guid Id) : IQuery<AdoptionView>;

    /// <summary>
    /// What `adopted-release.affected` refers to: the team reads the contact here (events carry no personal data). A coordinator
    /// reads its own JST's adoptions, with the contact it gave; another JST's is a 404, as if it did not exist.
    /// </summary>
    public sealed class Handler(TrainingDb db, Caller caller, IJstDirectory jsts) : IQueryHandler<Query, AdoptionView>
    {
        public async ValueTask<AdoptionView> Handle(Query query, CancellationToken ct)
        {
            var adoptions = db.Set<Adoption>().AsNoTracking().Where(a => a.Id == query.Id);
            var coordinator = caller.Is(Roles.JstCoordinator) && !caller.Is(Roles.ProgrammeTeam) && !caller.Is(Roles.Ministry);
            if (coordinator)
            {
                var own = jsts.Canonical(caller.Teryt) ?? "-";
                adoptions = adoptions.Where(a => a.JstTeryt == own);
            }

            var found = await adoptions
                            .Join(db.Set<Release>(), a => a.ReleaseId, r => r.Id, (a, r) => new { Adoption = a, r.SemanticVersion }).FirstOrDefaultAsync(ct)
                        ?? throw Problem.NotFound(HandoverModule.AdoptionNoun, query.Id);
            return AdoptionView.From(found.Adoption, found.SemanticVersion, caller.Is(Roles.ProgrammeTeam) || coordinator);
        }
    }

    public static void Map(RouteGroupBuilder adoptions) =>
        adoptions.MapGet("/{adoptionId:guid}", async (Guid adoptionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(adoptionId), ct)))
            .WithName("GetAdoption")
            .WithSummary("One adoption, with its contact for the programme team")
            .WithDescription("The reference `adopted-release.affected` gives for each adopting JST, and where AdoptRelease's `Location` leads. The " +
                             "contact person is shown to the programme team, and to the coordinator of the adopting JST, who reads only its own JST's " +
                             "adoptions (any other is answered 404).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, AdoptionView.Example);
}
