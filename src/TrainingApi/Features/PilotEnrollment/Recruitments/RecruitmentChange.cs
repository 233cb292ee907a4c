using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Events;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public enum RecruitmentChangeKind
{
    Window,
    Closed,
    Capacity,
    Terms,
    Offers,
}

/// <summary>
/// One change the programme team made to an announced recruitment, with its reason: the record of why the terms are not
/// what was announced. Written with the change (and so audited with it); the reason is the team's own words about the
/// recruitment, never shown publicly and never in an event.
/// </summary>
public sealed class RecruitmentChange
{
    public const int ReasonMaxLength = 1000;

    private RecruitmentChange() { }

    public RecruitmentChange(Guid recruitmentId, RecruitmentChangeKind kind, string reason, object before, object after, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        RecruitmentId = recruitmentId;
        Kind = kind;
        Reason = reason;
        Before = JsonSerializer.Serialize(before, Json);
        After = JsonSerializer.Serialize(after, Json);
        ChangedAt = now;
    }

    private static readonly JsonSerializerOptions Json = EventOutbox.CreateJsonOptions();

    public Guid Id { get; private set; }
    public Guid RecruitmentId { get; private set; }
    public RecruitmentChangeKind Kind { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>The changed terms before and after, as JSON (no personal data: dates, numbers, versions, titles).</summary>
    public string Before { get; private set; } = "{}";

    public string After { get; private set; } = "{}";
    public DateTimeOffset ChangedAt { get; private set; }
}

public sealed class RecruitmentChangeConfiguration : IEntityTypeConfiguration<RecruitmentChange>
{
    public void Configure(EntityTypeBuilder<RecruitmentChange> builder)
    {
        builder.ToTable("recruitment_changes", PilotEnrollmentModule.Schema);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reason).HasMaxLength(RecruitmentChange.ReasonMaxLength);
        builder.Property(c => c.Before).HasColumnType("jsonb");
        builder.Property(c => c.After).HasColumnType("jsonb");
        builder.HasIndex(c => new { c.RecruitmentId, c.ChangedAt });
        builder.HasOne<Recruitment>().WithMany().HasForeignKey(c => c.RecruitmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <param name="Change">What changed: <c>window</c>, <c>closed</c>, <c>capacity</c>, <c>terms</c> or <c>offers</c>.</param>
/// <remarks>The terms as they now are; the team's reason stays out (free text).</remarks>
public sealed record RecruitmentChanged(
    Guid RecruitmentId, RecruitmentChangeKind Change, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Capacity, string RodoClauseVersion, int? OfferValidityHours)
    : IIntegrationEvent
{
    public static string EventType => "recruitment.changed";
    public static int Version => 1;
    public static string Description => "The programme team changed an announced recruitment: its window, capacity, terms or waiting-list offers.";

    public static RecruitmentChanged Of(Recruitment r, RecruitmentChangeKind change) =>
        new(r.Id, change, r.OpensAt, r.ClosesAt, r.Capacity, r.RodoClauseVersion, r.OfferValidityHours);
}
