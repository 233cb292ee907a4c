using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Curriculum;

/// <summary>
/// A training-programme concept (with its advisory guidelines) that experts write and that goes through
/// versions, consultation and the pilot. Versions and sections hang off it.
/// </summary>
public sealed class Programme : IVersioned
{
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 4000;

    private Programme() { }

    public Programme(string title, string? summary, string slug, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Title = title;
        Slug = slug;
        Summary = summary;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string? Summary { get; private set; }

    /// <summary>Its name in persistent addresses (see Slugs/ProgrammeSlug); reserved for it for good.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>When its first release was built: from then on the slug never changes.</summary>
    public DateTimeOffset? SlugFrozenAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>Whether <paramref name="slug"/> is a change; refused (409 <c>slug-frozen</c>) once a release made it part of a persistent address.</summary>
    public bool Moves(string slug)
    {
        if (slug == Slug)
        {
            return false;
        }

        if (SlugFrozenAt is not null)
        {
            throw Problem.Conflict(new Text(
                $"The slug '{Slug}' is part of the persistent address of a release and cannot change; leave `slug` out or send '{Slug}'.",
                $"Identyfikator '{Slug}' jest częścią trwałego adresu wydania i nie może się zmienić; pomiń pole `slug` albo podaj '{Slug}'."), "slug-frozen");
        }

        return true;
    }

    public void Describe(string title, string? summary, string slug, DateTimeOffset now)
    {
        Slug = slug;
        Title = title;
        Summary = summary;
        UpdatedAt = now;
    }
}
