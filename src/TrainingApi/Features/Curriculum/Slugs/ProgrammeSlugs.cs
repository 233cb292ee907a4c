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

    /// <summary>409 <c>slug-taken</c> when a programme other than <paramref name="programmeId"/> holds or ever held the slug.</summary>
    public async Task EnsureFreeAsync(Guid programmeId, string slug, CancellationToken ct)
    {
        var holder = await db.Set<SlugReservation>().AsNoTracking().Where(s => s.Slug == slug).Select(s => (Guid?)s.ProgrammeId).FirstOrDefaultAsync(ct);
        if (holder is { } other && other != programmeId)
        {
            throw await TakenAsync(slug, ct);
        }
    }

    /// <summary>
    /// Saves the programme with its slug and reserves the slug for it. Two programmes saving one slug at once: the unique index
    /// makes the second wait for the first's commit and then fail, which is the same 409 <c>slug-taken</c>.
    /// </summary>
    public async Task SaveAsync(Programme programme, DateTimeOffset now, CancellationToken ct)
    {
        // The refusal reads the reservations for a suggestion, which the failed insert's transaction could not do past a savepoint.
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null)
        {
            await transaction.CreateSavepointAsync(nameof(ProgrammeSlugs), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_programmes_slug" })
        {
            if (transaction is not null)
            {
                await transaction.RollbackToSavepointAsync(nameof(ProgrammeSlugs), ct);
            }

            throw await TakenAsync(programme.Slug, ct);
        }

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO curriculum.programme_slugs (slug, programme_id, reserved_at) VALUES ({programme.Slug}, {programme.Id}, {now}) ON CONFLICT (slug) DO NOTHING", ct);
        // A slug another programme left between the check and now is still reserved for that one.
        await EnsureFreeAsync(programme.Id, programme.Slug, ct);
    }

    private async Task<ProblemException> TakenAsync(string slug, CancellationToken ct) => SlugTaken.Refuse(ProblemKind.Conflict, new Text(
            $"The slug '{slug}' belongs to another programme (slugs are never reused, so that a cited address keeps its meaning); send another in `slug`.",
            $"Identyfikator '{slug}' należy do innego programu (identyfikatorów nie używa się ponownie, aby cytowany adres nie zmienił znaczenia); podaj inny w polu `slug`."),
        new(slug, await SuggestAsync(slug, ct)));

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
