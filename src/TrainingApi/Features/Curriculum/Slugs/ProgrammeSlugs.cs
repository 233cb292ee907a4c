using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Curriculum.Slugs;

/// <summary>
/// Gives programmes their slugs and keeps them: a slug is reserved for its programme for good (<see cref="SlugReservation"/>),
/// and it stops changing once a release of the programme exists (<see cref="FreezeAsync"/>, which the release build calls).
/// </summary>
public sealed class ProgrammeSlugs(TrainingDb db)
{
    /// <param name="Slug">The slug asked for, or made from the title.</param>
    /// <param name="SuggestedSlug">A free slug close to it, to send as <c>slug</c>.</param>
    public sealed record SlugTakenMembers(string Slug, string SuggestedSlug);

    public static readonly ProblemShape<SlugTakenMembers> SlugTaken = new("slug-taken");

    /// <summary>The slug for a programme: the one asked for, else the title's; refused when the title gives none.</summary>
    public static string Choose(string? requested, string title)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return requested.Trim();
        }

        var derived = ProgrammeSlug.FromTitle(title);
        return derived.Length > 0 ? derived : throw Problem.Validation("slug", new Text(
            $"The title gives no slug (at least {ProgrammeSlug.MinLength} letters or digits); send one in `slug` (a-z, 0-9 and hyphens).",
            $"Z tytułu nie da się utworzyć identyfikatora (co najmniej {ProgrammeSlug.MinLength} litery lub cyfry); podaj go w polu `slug` (a-z, 0-9 i łączniki)."));
    }

    /// <summary>
    /// Reserves <paramref name="slug"/> for the programme (saved already, in this transaction): 409 <c>slug-taken</c> when any
    /// other programme holds or ever held it. Two programmes claiming one slug at once: the second waits for the first's commit.
    /// </summary>
    public async Task ReserveAsync(Guid programmeId, string slug, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO curriculum.programme_slugs (slug, programme_id, reserved_at) VALUES ({slug}, {programmeId}, {now}) ON CONFLICT (slug) DO NOTHING", ct);
        var holder = await db.Set<SlugReservation>().AsNoTracking().Where(s => s.Slug == slug).Select(s => s.ProgrammeId).FirstAsync(ct);
        if (holder != programmeId)
        {
            throw SlugTaken.Refuse(ProblemKind.Conflict, new Text(
                $"The slug '{slug}' belongs to another programme (slugs are never reused, so that a cited address keeps its meaning); send another in `slug`.",
                $"Identyfikator '{slug}' należy do innego programu (identyfikatorów nie używa się ponownie, aby cytowany adres nie zmienił znaczenia); podaj inny w polu `slug`."),
                new(slug, await SuggestAsync(slug, ct)));
        }
    }

    /// <summary>
    /// Fixes the programme's slug for good and returns it: a release's persistent address is made from it. The row is locked
    /// and its version changes, so an edit of the programme read before this fails its If-Match instead of moving the slug.
    /// </summary>
    public async Task<string> FreezeAsync(Guid programmeId, DateTimeOffset now, CancellationToken ct) =>
        (await db.Database.SqlQuery<string>(
                $"UPDATE curriculum.programmes SET slug_frozen_at = COALESCE(slug_frozen_at, {now}) WHERE id = {programmeId} RETURNING slug AS \"Value\"")
            .ToListAsync(ct)).Single();

    private async Task<string> SuggestAsync(string slug, CancellationToken ct)
    {
        var stem = slug.Length > ProgrammeSlug.MaxLength - 4 ? slug[..(ProgrammeSlug.MaxLength - 4)].TrimEnd('-') : slug;
        var taken = (await db.Set<SlugReservation>().AsNoTracking().Where(s => s.Slug.StartsWith(stem + "-")).Select(s => s.Slug).ToListAsync(ct)).ToHashSet();
        return Enumerable.Range(2, 1000).Select(n => $"{stem}-{n}").First(candidate => !taken.Contains(candidate));
    }
}
