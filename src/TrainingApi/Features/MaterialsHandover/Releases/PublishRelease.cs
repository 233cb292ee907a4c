using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Adoptions;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.Exports;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public static class PublishRelease
{
    public sealed record Command(Guid ReleaseId) : ICommand<ReleaseView>;

    /// <summary>
    /// Builds every export once and stores it with its SHA-256; the release becomes immutable and the latest of its
    /// programme; the previous latest is superseded (two saves, so the one-published-per-programme index never sees two).
    /// </summary>
    public sealed class Handler(TrainingDb db, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, ReleaseView>
    {
        public async ValueTask<ReleaseView> Handle(Command command, CancellationToken ct)
        {
            var release = await db.FindLockedAsync<Release>(command.ReleaseId, RowLock.Update, tracked: true, ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, command.ReleaseId);
            // Publications of one programme one at a time: a second one waits, then supersedes the first instead of
            // finding no previous release (its row changed under the lock) and colliding on the one-latest index.
            await db.AdvisoryLockAsync(HandoverModule.ReleasePublicationLock(release.ProgrammeId), ct);
            release.EnsureDraft();
            var now = clock.UtcNowForDatabase();
            var previous = await db.Set<Release>().FirstOrDefaultAsync(r => r.ProgrammeId == release.ProgrammeId && r.Status == ReleaseStatus.Published, ct);
            if (previous is not null)
            {
                previous.SupersedeBy(release, now);
                events.Publish(new ReleaseSuperseded(previous.Id, previous.SemanticVersion, release.Id, release.SemanticVersion));
                await AdoptionNotices.AnnounceAsync(db, events, previous, "superseded", $"zastąpione wydaniem {release.SemanticVersion}", ct);
                await db.SaveChangesAsync(ct);
            }

            var document = ReleaseJson.Deserialize(release.ContentJson);
            var files = ReleaseExports.All(document);
            db.AddRange(files.Select(f => new ReleaseFile(release.Id, ReleaseFiles.FormatName(f.Format), f.FileName, f.MediaType, f.Bytes, f.Sha256)));
            release.Publish(now);
            events.Publish(new ReleasePublished(release.Id, release.ProgrammeId, release.SemanticVersion, release.Title, release.Reasons,
                $"/api/v1/catalogue/releases/{release.Id}"));
            await db.SaveChangesAsync(ct);
            // Delivered by PostgreSQL when this transaction commits, to every instance's catalogue listener (not at all on rollback).
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({CatalogueCache.Channel}, {release.Id.ToString()})", ct);
            return ReleaseView.From(release, files.OrderBy(f => ReleaseFiles.FormatName(f.Format), StringComparer.Ordinal).Select(f => new ReleaseFileView(ReleaseFiles.FormatName(f.Format), f.FileName, f.MediaType, f.Bytes.LongLength,
                f.Sha256, ReleaseFiles.UrlOf(release.Id, ReleaseFiles.FormatName(f.Format)))));
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapPost("/{releaseId:guid}/publication", async (Guid releaseId, IMediator mediator, CatalogueCache catalogue, CancellationToken ct) =>
            {
                var published = await mediator.Send(new Command(releaseId), ct);
                // Committed: this instance forgets its catalogue answers now, not when its own notification comes back.
                catalogue.Evict();
                return TypedResults.Ok(published);
            })
            .WithName("PublishRelease")
            .WithSummary("Publish a release: immutable, latest, in the public catalogue")
            .WithDescription("Builds the JSON, the ZIP bundle and the IMS Common Cartridge once and stores them with their SHA-256; the previous " +
                             "latest release of the programme is superseded (`release.superseded`, and `adopted-release.affected` naming the JST " +
                             "that use it); subscribers get `release.published`. A published release cannot change (409 `release-published`).")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, ReleaseView.Example);
}
