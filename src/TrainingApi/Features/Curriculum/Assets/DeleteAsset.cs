using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Assets;

public static class DeleteAsset
{
    /// <param name="Sections">Anchors of the sections that still refer to the asset, in document order.</param>
    public sealed record AssetInUseMembers(IReadOnlyList<string> Sections);

    public static readonly ProblemShape<AssetInUseMembers> AssetInUse = new("asset-in-use");

    public sealed record Command(Guid VersionId, string Name) : ICommand;

    /// <summary>The bytes go too when no other version names them (a draft made from this one still does).</summary>
    public sealed class Handler(TrainingDb db, Access access, IAssetStore store) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var version = await VersionAssetLock.LockAsync(db, access, command.VersionId, ct);
            var asset = await db.Set<VersionAsset>().FirstOrDefaultAsync(a => a.VersionId == version.Id && a.Name == command.Name, ct)
                        ?? throw Problem.NotFound(GetAsset.AssetNoun, command.Name);
            version.EnsureEditable();
            var usedBy = (await AssetUsage.SectionsByAssetAsync(db, version.Id, ct))[asset.Name].ToList();
            if (usedBy.Count > 0)
            {
                throw AssetInUse.Refuse(ProblemKind.Conflict, new Text(
                    $"Sections {string.Join(", ", usedBy)} still refer to assets/{asset.Name}; change them first.",
                    $"Sekcje {string.Join(", ", usedBy)} nadal odwołują się do assets/{asset.Name}; najpierw je zmień."), new(usedBy));
            }

            db.Remove(asset);
            await db.SaveChangesAsync(ct);
            await store.ForgetIfUnusedAsync(asset.Sha256, ct);
            return Unit.Value;
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapDelete("/{versionId:guid}/assets/{name}", async (Guid versionId, string name, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(versionId, name), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteAsset")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, AssetInUse)
            .WithSummary("Delete an image or attachment of a draft")
            .WithDescription("Only in a draft (409 `version-frozen` otherwise) and only when no section refers to it: 409 `asset-in-use` lists " +
                             "the sections in `sections`.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
