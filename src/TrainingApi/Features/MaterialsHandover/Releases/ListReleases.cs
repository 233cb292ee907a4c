using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public static class ListReleases
{
    public sealed record Query(Guid? ProgrammeId, ReleaseStatus? Status, int Limit, string? Cursor) : IQuery<Page<ReleaseView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page<ReleaseView>>
    {
        public async ValueTask<Page<ReleaseView>> Handle(Query query, CancellationToken ct)
        {
            var releases = db.Set<Release>().AsNoTracking();
            if (query.ProgrammeId is { } programmeId)
            {
                releases = releases.Where(r => r.ProgrammeId == programmeId);
            }

            if (query.Status is { } status)
            {
                releases = releases.Where(r => r.Status == status);
            }

            var page = await releases.ToKeysetPageAsync(r => r.CreatedAt, r => r.Id, query.Cursor, query.Limit, r => r, ct);
            var files = await ReleaseFiles.ViewsAsync(db, [.. page.Items.Select(r => r.Id)], ct);
            return new Page<ReleaseView>([.. page.Items.Select(r => ReleaseView.From(r, files[r.Id]))], page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapGet("/", async (Guid? programmeId, string? status, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(programmeId, QueryEnum.Parse<ReleaseStatus>(status, "status"), limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListReleases")
            .TakesEnum<ReleaseStatus>("status")
            .WithSummary("List releases, drafts included")
            .WithDescription("In the order built, paged by cursor; filters `programmeId` and `status` (draft, published, superseded). The public view is /api/v1/catalogue.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<ReleaseView>([ReleaseView.Example], null));
}
