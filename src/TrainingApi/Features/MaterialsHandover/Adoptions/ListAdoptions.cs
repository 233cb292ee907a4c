using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Adoptions;

public static class ListAdoptions
{
    public sealed record Query(Guid? ProgrammeId, Guid? ReleaseId, int Limit, string? Cursor) : IQuery<Page<AdoptionView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    /// <summary>The team sees each adoption's contact (it tells them); the Ministry sees who uses what, without contacts.</summary>
    public sealed class Handler(TrainingDb db, Caller caller) : IQueryHandler<Query, Page<AdoptionView>>
    {
        public async ValueTask<Page<AdoptionView>> Handle(Query query, CancellationToken ct)
        {
            var withContact = caller.Is(Roles.ProgrammeTeam);
            var adoptions = db.Set<Adoption>().AsNoTracking();
            if (query.ProgrammeId is { } programme)
            {
                adoptions = adoptions.Where(a => db.Set<Release>().Any(r => r.Id == a.ReleaseId && r.ProgrammeId == programme));
            }

            if (query.ReleaseId is { } release)
            {
                adoptions = adoptions.Where(a => a.ReleaseId == release);
            }

            var page = await adoptions.ToKeysetPageAsync(a => a.RecordedAt, a => a.Id, query.Cursor, query.Limit, a => a, ct);
            var releaseIds = page.Items.Select(a => a.ReleaseId).Distinct().ToList();
            var versions = await db.Set<Release>().AsNoTracking().Where(r => releaseIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.SemanticVersion, ct);
            return new Page<AdoptionView>([.. page.Items.Select(a => AdoptionView.From(a, versions[a.ReleaseId], withContact))], page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder adoptions) =>
        adoptions.MapGet("/", async (Guid? programmeId, Guid? releaseId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(programmeId, releaseId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListAdoptions")
            .WithSummary("JST that use the released materials")
            .WithDescription("Every adoption (of a programme's releases with `programmeId`, of one release with `releaseId`) in the order " +
                             "recorded, paged by cursor: the JST, the release, the project and the competitive call. The contact person is " +
                             "shown to the programme team only (null for the Ministry). Counts for anyone: GET /api/v1/catalogue/adoption-counts.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<AdoptionView>([AdoptionView.Example], null));
}
