using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Organisations;

public static class ListOrganisations
{
    public sealed record Query(OrganisationKind? Kind, int Limit, string? Cursor) : IQuery<Page<OrganisationView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<OrganisationView>>
    {
        public async ValueTask<Page<OrganisationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var organisations = access.Visible(db.Set<Organisation>().AsNoTracking());
            if (query.Kind is { } kind)
            {
                organisations = organisations.Where(o => o.Kind == kind);
            }

            return await organisations.ToKeysetPageAsync(o => o.CreatedAt, o => o.Id, query.Cursor, query.Limit, OrganisationView.From, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async (string? kind, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(QueryEnum.Parse<OrganisationKind>(kind, "kind"), limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListOrganisations")
            .TakesEnum<OrganisationKind>("kind")
            .WithSummary("List organisations")
            .WithDescription("Registration order, paged by cursor; `kind` is national-association, jst or other. A partner system sees only its own organisation.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Partner)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<OrganisationView>([OrganisationView.Example], null));
}
