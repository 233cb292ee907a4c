using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Assets;

public static class ListAssets
{
    public sealed record Query(Guid VersionId, int Limit, string? Cursor) : IQuery<Page<AssetView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    /// <summary>By name (ordinal); the cursor is the last name of the page. A version holds at most a few hundred assets.</summary>
    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<AssetView>>
    {
        public async ValueTask<Page<AssetView>> Handle(Query query, CancellationToken ct)
        {
            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>().AsNoTracking(), v => v.Id == query.VersionId,
                CurriculumModule.VersionNoun, query.VersionId, ct);
            // A cursor names an asset name this list gave; anything else is refused, as every other list refuses it.
            var after = NameCursor.Decode(query.Cursor);
            if (after is not null && !AssetNames.IsValid(after))
            {
                throw KeysetCursor.InvalidCursor();
            }

            var assets = (await db.Set<VersionAsset>().AsNoTracking().Where(a => a.VersionId == version.Id).ToListAsync(ct))
                .OrderBy(a => a.Name, StringComparer.Ordinal)
                .Where(a => after is null || string.CompareOrdinal(a.Name, after) > 0)
                .ToList();
            var page = assets.Take(query.Limit).ToList();
            var usage = await AssetUsage.SectionsByAssetAsync(db, version.Id, ct);
            return new Page<AssetView>([.. page.Select(a => AssetView.From(a, [.. usage[a.Name]]))],
                assets.Count > page.Count ? NameCursor.Encode(page[^1].Name) : null);
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapGet("/{versionId:guid}/assets", async (Guid versionId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(versionId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListAssets")
            .WithSummary("List a version's images and attachments")
            .WithDescription("By name, each with its type, size, SHA-256, pixel size (images) and the sections that refer to it (`usedBy`).")
            .RequireAnyRole()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<AssetView>([AssetView.Example], null));
}
