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

    /// <summary>What `adopted-release.affected` refers to: the team reads the contact here (events carry no personal data).</summary>
    public sealed class Handler(TrainingDb db, Caller caller) : IQueryHandler<Query, AdoptionView>
    {
        public async ValueTask<AdoptionView> Handle(Query query, CancellationToken ct)
        {
            var found = await db.Set<Adoption>().AsNoTracking().Where(a => a.Id == query.Id)
                            .Join(db.Set<Release>(), a => a.ReleaseId, r => r.Id, (a, r) => new { Adoption = a, r.SemanticVersion }).FirstOrDefaultAsync(ct)
                        ?? throw Problem.NotFound(HandoverModule.AdoptionNoun, query.Id);
            return AdoptionView.From(found.Adoption, found.SemanticVersion, caller.Is(Roles.ProgrammeTeam));
        }
    }

    public static void Map(RouteGroupBuilder adoptions) =>
        adoptions.MapGet("/{adoptionId:guid}", async (Guid adoptionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(adoptionId), ct)))
            .WithName("GetAdoption")
            .WithSummary("One adoption, with its contact for the programme team")
            .WithDescription("The reference `adopted-release.affected` gives for each adopting JST. The contact person is shown to the programme team only.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, AdoptionView.Example);
}
