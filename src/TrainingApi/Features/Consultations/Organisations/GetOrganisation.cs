using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Organisations;

public static class GetOrganisation
{
    public sealed record Query(Guid Id) : IQuery<OrganisationView>;

    public sealed class Handler(Common.Persistence.TrainingDb db, Access access) : IQueryHandler<Query, OrganisationView>
    {
        public async ValueTask<OrganisationView> Handle(Query query, CancellationToken cancellationToken) =>
            OrganisationView.From(await access.FindVisibleAsync(db.Set<Organisation>().AsNoTracking(), o => o.Id == query.Id,
                ConsultationsModule.OrganisationNoun, query.Id, cancellationToken));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{organisationId:guid}", async ([FromRoute(Name = "organisationId")] Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(id), ct)))
            .WithName("GetOrganisation")
            .WithSummary("Read an organisation")
            .WithDescription("A partner system reads only its own organisation; any other is answered 404.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Partner)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, OrganisationView.Example);
}
