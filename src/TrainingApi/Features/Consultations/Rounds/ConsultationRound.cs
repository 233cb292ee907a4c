using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Consultations.Rounds;

/// <summary>Where a round stands; computed from its window and the report, so no job has to flip it.</summary>
public enum RoundStatus
{
    /// <summary>Announced; comments are taken from the opening time.</summary>
    Scheduled,

    Open,

    /// <summary>The window has passed; the team gives dispositions and publishes the report.</summary>
    Closed,

    /// <summary>The consultation report is public; nothing in the round changes any more.</summary>
    ReportPublished,
}

/// <summary>
/// A consultation of one programme version (in `in-consultation` when the round is opened) with associations
/// and JST, in a window of Europe/Warsaw business time, stored as UTC instants.
/// </summary>
public sealed class ConsultationRound : IVersioned
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;

    private ConsultationRound() { }

    public ConsultationRound(Guid versionId, Guid programmeId, string versionLabel, string title, string? description,
        DateTimeOffset opensAt, DateTimeOffset closesAt, string createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        VersionId = versionId;
        ProgrammeId = programmeId;
        VersionLabel = versionLabel;
        Title = title;
        Description = description;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid VersionId { get; private set; }
    public Guid ProgrammeId { get; private set; }

    /// <summary>Copied when the round opens: labels never change, and the report names the version.</summary>
    public string VersionLabel { get; private set; } = "";

    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReportPublishedAt { get; private set; }
    public string? ReportPublishedBy { get; private set; }
    public uint Version { get; private set; }

    public RoundStatus StatusAt(DateTimeOffset now) =>
        ReportPublishedAt is not null ? RoundStatus.ReportPublished
        : now < OpensAt ? RoundStatus.Scheduled
        : now < ClosesAt ? RoundStatus.Open
        : RoundStatus.Closed;

    public bool IsOpenAt(DateTimeOffset now) => StatusAt(now) == RoundStatus.Open;

    public Text Window => new(
        $"from {WarsawTime.Format(OpensAt)} until {WarsawTime.Format(ClosesAt)}",
        $"od {WarsawTime.Format(OpensAt)} do {WarsawTime.Format(ClosesAt)}");

    /// <summary>Comments and dispositions may change until the report is public.</summary>
    public void EnsureNotPublished()
    {
        if (ReportPublishedAt is not null)
        {
            throw Problem.Conflict(new Text(
                $"The report of round '{Title}' was published on {WarsawTime.Format(ReportPublishedAt.Value)}; the round can no longer change.",
                $"Zestawienie uwag konsultacji '{Title}' opublikowano {WarsawTime.Format(ReportPublishedAt.Value)}; konsultacji nie można już zmieniać."),
                "report-published");
        }
    }

    /// <summary>
    /// A new window for a round not yet reported. A round that has taken comments keeps its opening time: moving
    /// it would put those comments outside their own window.
    /// </summary>
    public void Reschedule(string title, string? description, DateTimeOffset opensAt, DateTimeOffset closesAt, bool hasComments)
    {
        EnsureNotPublished();
        if (hasComments && opensAt != OpensAt)
        {
            throw Problem.Conflict(new Text(
                "The round has comments already; its opening time can no longer move (the closing time can).",
                "Konsultacje mają już uwagi; nie można zmienić czasu ich otwarcia (czas zamknięcia można)."), "round-has-comments");
        }

        Title = title;
        Description = description;
        OpensAt = opensAt;
        ClosesAt = closesAt;
    }

    public void PublishReport(string by, DateTimeOffset now)
    {
        EnsureNotPublished();
        ReportPublishedAt = now;
        ReportPublishedBy = by;
    }
}

public sealed class ConsultationRoundConfiguration : IEntityTypeConfiguration<ConsultationRound>
{
    public void Configure(EntityTypeBuilder<ConsultationRound> builder)
    {
        builder.ToTable("rounds", ConsultationsModule.Schema, t => t.HasCheckConstraint("ck_rounds_window", "closes_at > opens_at"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.VersionLabel).HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(ConsultationRound.TitleMaxLength);
        builder.Property(r => r.Description).HasMaxLength(ConsultationRound.DescriptionMaxLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.Property(r => r.ReportPublishedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => r.VersionId);
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
    }
}
