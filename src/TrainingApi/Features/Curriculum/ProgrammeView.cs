namespace TrainingApi.Features.Curriculum;

/// <summary>A programme as the API shows it.</summary>
public sealed record ProgrammeView(Guid Id, string Title, string? Summary, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProgrammeView From(Programme p) => new(p.Id, p.Title, p.Summary, p.CreatedAt, p.UpdatedAt);

    public static readonly ProgrammeView Example = new(
        Guid.Parse("01936b2e-4a8c-7d3e-9f10-2b3c4d5e6f70"),
        "Zarządzanie cyfryzacją szkół w JST",
        "Koncepcja programu szkoleń dla pracowników JST wraz z wytycznymi do procesu doradczego.",
        new DateTimeOffset(2024, 2, 12, 9, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 2, 12, 9, 0, 0, TimeSpan.Zero));
}
