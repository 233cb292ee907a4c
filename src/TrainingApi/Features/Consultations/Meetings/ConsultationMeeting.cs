using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Meetings;

/// <summary>
/// A consultation meeting of a round (in person, online or both), with who organised it, which organisations
/// came, how many people attended and the minutes. Comments gathered there are entered as submissions naming it.
/// </summary>
public sealed class ConsultationMeeting : IVersioned
{
    public const int PlaceMaxLength = 300;
    public const int OrganiserMaxLength = 300;
    public const int MinutesMaxLength = 50_000;

    private ConsultationMeeting() { }

    public ConsultationMeeting(Guid roundId, MeetingDetails details, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        RoundId = roundId;
        CreatedAt = now;
        Record(details);
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }
    public string? Place { get; private set; }
    public string? OnlineLink { get; private set; }
    public string Organiser { get; private set; } = "";
    public List<Guid> OrganisationsPresent { get; private set; } = [];
    public int? AttendeeCount { get; private set; }
    public string? Minutes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Record(MeetingDetails details)
    {
        StartsAt = details.StartsAt;
        DurationMinutes = details.DurationMinutes;
        Place = details.Place;
        OnlineLink = details.OnlineLink;
        Organiser = details.Organiser;
        OrganisationsPresent = [.. details.OrganisationsPresent];
        AttendeeCount = details.AttendeeCount;
        Minutes = details.Minutes;
    }
}

public sealed record MeetingDetails(
    DateTimeOffset StartsAt, int DurationMinutes, string? Place, string? OnlineLink, string Organiser,
    IReadOnlyList<Guid> OrganisationsPresent, int? AttendeeCount, string? Minutes);

public sealed class ConsultationMeetingConfiguration : IEntityTypeConfiguration<ConsultationMeeting>
{
    public void Configure(EntityTypeBuilder<ConsultationMeeting> builder)
    {
        builder.ToTable("meetings", ConsultationsModule.Schema);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Place).HasMaxLength(ConsultationMeeting.PlaceMaxLength);
        builder.Property(m => m.OnlineLink).HasMaxLength(2000);
        builder.Property(m => m.Organiser).HasMaxLength(ConsultationMeeting.OrganiserMaxLength);
        builder.Property(m => m.Minutes).HasMaxLength(ConsultationMeeting.MinutesMaxLength);
        builder.Property(m => m.Version).IsRowVersion();
        builder.HasOne<ConsultationRound>().WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.RoundId, m.StartsAt });
    }
}
