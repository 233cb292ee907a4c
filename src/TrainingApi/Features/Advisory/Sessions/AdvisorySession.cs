using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Sessions;

public enum AdvisorySessionMode
{
    InPerson,
    Online,
    Phone,
}

/// <summary>An advisory session with a JST: when, how long, how, who took part, what was discussed and agreed.</summary>
public sealed class AdvisorySession
{
    private AdvisorySession() { }

    public AdvisorySession(Guid engagementId, DateOnly heldOn, decimal hours, AdvisorySessionMode mode, IReadOnlyList<string> attendees, IReadOnlyList<string> topics,
        string? notes, IReadOnlyList<string> followUps, string loggedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        EngagementId = engagementId;
        HeldOn = heldOn;
        Hours = hours;
        Mode = mode;
        Attendees = [.. attendees];
        Topics = [.. topics];
        Notes = notes;
        FollowUps = [.. followUps];
        LoggedBy = loggedBy;
        LoggedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EngagementId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public decimal Hours { get; private set; }
    public AdvisorySessionMode Mode { get; private set; }

    /// <summary>Who took part (names and roles): personal data, named in the audit log but never copied there.</summary>
    [PersonalData]
    public List<string> Attendees { get; private set; } = [];

    public bool AttendeesErased => Attendees.TrueForAll(a => a == Common.PersonalData.ErasedPersonalData.Marker);

    /// <summary>Retention: who took part goes, how many took part stays.</summary>
    public void EraseAttendees() => Attendees = [.. Attendees.Select(_ => Common.PersonalData.ErasedPersonalData.Marker)];

    public List<string> Topics { get; private set; } = [];
    public string? Notes { get; private set; }
    public List<string> FollowUps { get; private set; } = [];
    public string LoggedBy { get; private set; } = "";
    public DateTimeOffset LoggedAt { get; private set; }
}

public sealed class AdvisorySessionConfiguration : IEntityTypeConfiguration<AdvisorySession>
{
    public void Configure(EntityTypeBuilder<AdvisorySession> builder)
    {
        builder.ToTable("sessions", AdvisoryModule.Schema);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Hours).HasPrecision(5, 2);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Notes).HasMaxLength(10_000);
        builder.Property(s => s.LoggedBy).HasMaxLength(200);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(s => s.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.EngagementId, s.HeldOn });
    }
}
