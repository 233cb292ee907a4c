using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.MaterialsHandover.Adoptions;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.Citations;
using TrainingApi.Features.MaterialsHandover.Exports;
using TrainingApi.Features.MaterialsHandover.Handovers;
using TrainingApi.Features.MaterialsHandover.OpenData;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public static class PublishRelease
{
    /// <param name="UnrepairableFindings">The ids of the waived findings no waiver can make accessible.</param>
    public sealed record AccessibilityUnrepairableMembers(IReadOnlyList<string> UnrepairableFindings);

    public static readonly ProblemShape<AccessibilityUnrepairableMembers> AccessibilityUnrepairable = new("accessibility-unrepairable");

    public sealed record Command(Guid ReleaseId) : ICommand<ReleaseView>;

    /// <summary>
    /// Builds every export once and stores it with its SHA-256; the release becomes immutable and the latest of its
    /// programme; the previous latest is superseded (two saves, so the one-published-per-programme index never sees two).
    /// </summary>
    public sealed class Handler(
        TrainingDb db, IAssetStore assetStore, EventOutbox events, TimeProvider clock, IOptions<OpenDataOptions> openData, PublicBaseUrl publicBase)
        : ICommandHandler<Command, ReleaseView>
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
                foreach (var handover in await db.Set<Handover>().AsNoTracking().Where(h => h.ReleaseId == previous.Id).OrderBy(h => h.RecordedAt).ToListAsync(ct))
                {
                    events.Publish(new HandoverSuperseded(handover.Id, previous.Id, previous.SemanticVersion, release.Id, release.SemanticVersion, handover.CaseNumber));
                }

                await db.SaveChangesAsync(ct);
            }

            var document = ReleaseJson.Deserialize(release.ContentJson);
            EnsureNothingUnrepairable(document);
            // The pages cite the release as the catalogue will: published now, after the release it supersedes.
            var identity = ReleaseIdentities.Published(Citation.Of(CitedReleases.FactsOf(release, document, previous, now), openData.Value, publicBase), publicBase);
            var files = ReleaseExports.All(document, await ReleaseAssets.LoadAsync(assetStore, document, ct), identity);
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

    /// <summary>
    /// A waiver lets a version move on, but some findings would reach every reader of the published pages whatever anyone
    /// decided (an image with no description, a link or heading with no name, an image the package cannot hold): those
    /// block publication; the fix is a new version.
    /// </summary>
    private static void EnsureNothingUnrepairable(ReleaseDocument document)
    {
        var unrepairable = (document.Accessibility.Waived ?? []).Where(w => AccessibilityRules.Unrepairable.Contains(w.Rule)).Select(w => w.FindingId).ToList();
        if (unrepairable.Count > 0)
        {
            throw AccessibilityUnrepairable.Refuse(ProblemKind.Conflict, new Text(
                $"The release carries {unrepairable.Count} waived accessibility error(s) that no waiver can make accessible (missing alt text, empty link or " +
                "heading, empty table header, image the package cannot hold); fix them in a new version and build a new release from it.",
                $"Wydanie zawiera uchylone błędy dostępności ({unrepairable.Count}), których żadne uchylenie nie czyni dostępnymi (brak tekstu " +
                "alternatywnego, pusty link lub nagłówek, pusty nagłówek tabeli, obraz spoza pakietu); popraw je w nowej wersji i zbuduj z niej nowe wydanie."),
                new(unrepairable));
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapPost("/{releaseId:guid}/publication", async (Guid releaseId, IMediator mediator, CatalogueCache catalogue, ReplicaFreshness replica, CancellationToken ct) =>
            {
                var published = await mediator.Send(new Command(releaseId), ct);
                // Committed: this instance forgets its catalogue answers now, not when its own notification comes back, and
                // refills them from the primary until the replica has replayed the publication.
                replica.Distrust();
                catalogue.Evict();
                return TypedResults.Ok(published);
            })
            .WithName("PublishRelease")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, AccessibilityUnrepairable)
            .WithSummary("Publish a release: immutable, latest, in the public catalogue")
            .WithDescription("Builds the JSON, the ZIP bundle and the IMS Common Cartridge once and stores them with their SHA-256; the previous " +
                             "latest release of the programme is superseded (`release.superseded`, `adopted-release.affected` naming the JST " +
                             "that use it, and `handover.superseded` for each handover of it to the Ministry); subscribers get `release.published`. A published release cannot change (409 `release-published`); waived " +
                             "findings that no waiver can make accessible (missing alt text, empty link or heading, empty table header, image the " +
                             "package cannot hold) block publication (409 `accessibility-unrepairable`, listing `unrepairableFindings`).")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, ReleaseView.Example);
}
