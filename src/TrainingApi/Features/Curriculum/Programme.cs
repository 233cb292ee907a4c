using TrainingApi.Common.Persistence;

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

    public Programme(string title, string? summary, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Title = title;
        Summary = summary;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string? Summary { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Describe(string title, string? summary, DateTimeOffset now)
    {
        Title = title;
        Summary = summary;
        UpdatedAt = now;
    }
}
