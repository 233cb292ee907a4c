using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

public static class ListCatalogue
{
    public sealed record Query(Guid? ProgrammeId, int Limit, string? Cursor) : IQuery<Page<CatalogueRelease>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db, PublicBaseUrl publicBase) : IQueryHandler<Query, Page<CatalogueRelease>>
    {
        public async ValueTask<Page<CatalogueRelease>> Handle(Query query, CancellationToken ct)
        {
            var releases = CatalogueRelease.Public(db);
            if (query.ProgrammeId is { } programmeId)
            {
                releases = releases.Where(r => r.ProgrammeId == programmeId);
            }

            var page = await releases.ToKeysetPageAsync(r => r.PublishedAt!.Value, r => r.Id, query.Cursor, query.Limit, r => r, ct);
            return new Page<CatalogueRelease>(await CatalogueRelease.ViewsAsync(db, publicBase, page.Items, ct), page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapGet("/releases", async (Guid? programmeId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(programmeId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListCatalogueReleases")
            .WithSummary("Published releases (public)")
            .WithDescription("In publication order, paged by cursor; `latest` marks the current one of its programme and a superseded release links " +
                             "to the one that replaced it. Anonymous and rate-limited.")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag, "programmeId", "limit", "cursor")
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<CatalogueRelease>([CatalogueRelease.Example], null));
}
