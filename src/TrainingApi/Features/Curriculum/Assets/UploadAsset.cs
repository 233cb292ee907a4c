using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Assets.Inspection;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Assets;

public static class UploadAsset
{
    /// <param name="IfMatch">The asset's tag as the client read it (its SHA-256 in quotes, or <c>*</c>): required to replace, refused to create.</param>
    public sealed record Command(Guid VersionId, string Name, byte[] Bytes, string? IfMatch) : ICommand<Result>;

    public sealed record Result(AssetView Asset, bool Created);

    /// <summary>
    /// Inspects the bytes (<see cref="AssetInspector"/>) before anything is read or written, stores them once under their SHA-256
    /// and names them in the version; the version's row is share-locked, so it cannot leave draft while an upload is on its way.
    /// </summary>
    public sealed class Handler(TrainingDb db, Access access, IAssetStore store, IOptions<AssetLimits> limits, Caller caller, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (!AssetNames.IsValid(command.Name))
            {
                throw Problem.Validation("name", new Text(
                    "An asset name is lower-case letters, digits and hyphens with the file's extension, e.g. schemat-sieci.png (png, jpg, jpeg, webp, svg, pdf, docx, xlsx, odt, ods).",
                    "Nazwa zasobu to małe litery, cyfry i łączniki z rozszerzeniem pliku, np. schemat-sieci.png (png, jpg, jpeg, webp, svg, pdf, docx, xlsx, odt, ods)."));
            }

            // The bytes first: decoding and re-encoding an image is the costly part, and it holds no lock and no row.
            var inspected = AssetInspector.Inspect(command.Bytes, limits.Value);
            if (!inspected.Format.Extensions.Contains(AssetNames.Extension(command.Name), StringComparer.Ordinal))
            {
                throw Problem.Unprocessable(new Text(
                    $"The file is {inspected.Format.Label} ({inspected.Format.MediaType}), but the name ends in .{AssetNames.Extension(command.Name)}: name it with .{inspected.Format.Extensions[0]}.",
                    $"Plik jest w formacie {inspected.Format.Label} ({inspected.Format.MediaType}), a nazwa kończy się na .{AssetNames.Extension(command.Name)}: nadaj mu rozszerzenie .{inspected.Format.Extensions[0]}."),
                    "asset-name-mismatch");
            }

            var version = await VersionAssetLock.LockAsync(db, access, command.VersionId, ct);
            version.EnsureEditable();
            var existing = await db.Set<VersionAsset>().FirstOrDefaultAsync(a => a.VersionId == version.Id && a.Name == command.Name, ct);
            CheckPrecondition(existing, command.IfMatch);
            if (existing is null && await db.Set<VersionAsset>().CountAsync(a => a.VersionId == version.Id, ct) >= limits.Value.MaxAssetsPerVersion)
            {
                throw Problem.Conflict(new Text($"A version holds at most {limits.Value.MaxAssetsPerVersion} assets; delete ones no section uses.",
                    $"Wersja może mieć najwyżej {limits.Value.MaxAssetsPerVersion} zasobów; usuń te, których nie używa żadna sekcja."), "too-many-assets");
            }

            var sha256 = await store.PutAsync(inspected.Bytes, ct);
            var now = clock.UtcNowForDatabase();
            var previous = existing?.Sha256;
            if (existing is null)
            {
                existing = new VersionAsset(version.Id, command.Name, inspected.Format, inspected.Bytes.LongLength, sha256, inspected.Width, inspected.Height,
                    caller.Subject ?? "system", now);
                db.Add(existing);
            }
            else
            {
                existing.Replace(inspected.Format, inspected.Bytes.LongLength, sha256, inspected.Width, inspected.Height, caller.Subject ?? "system", now);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Another upload created the name first: this one assumed it did not exist.
                throw Problem.PreconditionFailed();
            }

            if (previous is not null && previous != sha256)
            {
                await store.ForgetIfUnusedAsync(previous, ct);
            }

            var usage = await AssetUsage.SectionsByAssetAsync(db, version.Id, ct);
            return new Result(AssetView.From(existing, [.. usage[command.Name]]), previous is null);
        }

        private static void CheckPrecondition(VersionAsset? existing, string? ifMatch)
        {
            if (existing is null)
            {
                if (!string.IsNullOrWhiteSpace(ifMatch))
                {
                    // If-Match names a representation the client believes exists; there is none.
                    throw Problem.PreconditionFailed();
                }

                return;
            }

            if (string.IsNullOrWhiteSpace(ifMatch))
            {
                throw Problem.PreconditionRequired();
            }

            if (ifMatch.Trim() != "*" && !ConditionalGet.AnyMatches(ifMatch, AssetTags.Of(existing.Sha256)))
            {
                throw Problem.PreconditionFailed();
            }
        }
    }

    public static void Map(RouteGroupBuilder versions, long maxUploadBytes) =>
        versions.MapPut("/{versionId:guid}/assets/{name}", async Task<Results<Created<AssetView>, Ok<AssetView>>> (
                Guid versionId, string name, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var bytes = await RawBody.ReadAsync(http.Request, ct);
                var result = await mediator.Send(new Command(versionId, name, bytes, http.Request.Headers.IfMatch.ToString()), ct);
                http.Response.Headers.ETag = AssetTags.Of(result.Asset.Sha256);
                return result.Created ? TypedResults.Created(result.Asset.Url, result.Asset) : TypedResults.Ok(result.Asset);
            })
            .WithName("UploadAsset")
            .WithSummary("Upload an image or attachment to a draft version")
            .WithDescription("The body is the file itself. Its type is recognised from the bytes, never from Content-Type or the name: PNG, JPEG, " +
                             "WebP and SVG images (5 MB, 8,000 px a side, 40 megapixels by default) and PDF, DOCX, XLSX, ODT and ODS attachments " +
                             "(20 MB). Images are stored re-encoded without metadata (EXIF, GPS); SVG only within a safe subset (no script, event " +
                             "attributes or outside references). Identical bytes are stored once. Markdown refers to it as `assets/{name}`. " +
                             "Creating needs no precondition (201); replacing needs `If-Match` with its ETag (428 without, 412 when stale). " +
                             "Refusals: 413 `asset-too-large`, 415 `asset-type-unsupported`, 422 `asset-image-too-large`, `asset-polyglot`, " +
                             "`asset-unsafe-svg`, `asset-unsafe-pdf`, `asset-archive-unsafe`, `asset-damaged`, `asset-name-mismatch`; 409 when the " +
                             "version is frozen or holds the most assets it may. Nothing is stored when refused.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .WithMetadata(new RequestBodyLimit(maxUploadBytes))
            .AcceptsRawFile()
            .SendsETag(StatusCodes.Status201Created)
            .SendsETag(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithResponseExample(StatusCodes.Status201Created, AssetView.Example)
            .WithResponseExample(StatusCodes.Status200OK, AssetView.Example);
}
