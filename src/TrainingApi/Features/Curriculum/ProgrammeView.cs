namespace TrainingApi.Features.Curriculum;

/// <summary>A programme as the API shows it.</summary>
/// <param name="Slug">Its name in persistent addresses: <c>/id/programmes/{slug}</c> for the work, <c>/id/programmes/{slug}/{semver}</c> for a release.</param>
/// <param name="SlugFixedAt">When its first release was built; from then on the slug never changes. Null while it still may.</param>
public sealed record ProgrammeView(Guid Id, string Title, string? Summary, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Slug = "",
    DateTimeOffset? SlugFixedAt = null)
{
    public static ProgrammeView From(Programme p) => new(p.Id, p.Title, p.Summary, p.CreatedAt, p.UpdatedAt, p.Slug, p.SlugFrozenAt);

    public static readonly ProgrammeView Example = new(
        Guid.Parse("01936b2e-4a8c-7d3e-9f10-2b3c4d5e6f70"),
        "Zarządzanie cyfryzacją szkół w JST",
        "Koncepcja programu szkoleń dla pracowników JST wraz z wytycznymi do procesu doradczego.",
        new DateTimeOffset(2024, 2, 12, 9, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 2, 12, 9, 0, 0, TimeSpan.Zero),
        "zarzadzanie-cyfryzacja-szkol-w-jst");
}
