using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Consultations.Rounds;

namespace TrainingApi.Features.Consultations.Meetings;

/// <summary>
/// A consultation meeting of a round (in person, online or both), with who organised it, which organisations
/// came, how many people attended and the minutes. Comments gathered there are entered as submissions naming it.
/// </summary>
public sealed class ConsultationMeeting : IVersioned
{
    /// <param name="Registered">The representatives registered already: the lowest capacity allowed.</param>
    public sealed record CapacityBelowRegisteredMembers(int Registered);

    public static readonly ProblemShape<CapacityBelowRegisteredMembers> CapacityBelowRegistered = new("capacity-below-registered");

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

    /// <summary>Set when the team marks the minutes public; the public read shows them from then on (as they stand).</summary>
    public DateTimeOffset? MinutesPublishedAt { get; private set; }

    /// <summary>Places for representatives when the team has opened sign-up; null while registration is not open.</summary>
    public int? RegistrationCapacity { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool MinutesArePublic => MinutesPublishedAt is not null && Minutes is not null;

    public void PublishMinutes(DateTimeOffset now)
    {
        if (Minutes is null)
        {
            throw Problem.Conflict(new Text("The meeting has no minutes yet; record them first (PUT the meeting).",
                "Spotkanie nie ma jeszcze protokołu; najpierw go zapisz (PUT spotkania)."), "no-minutes");
        }

        MinutesPublishedAt ??= now;
    }

    public void WithdrawMinutes() => MinutesPublishedAt = null;

    /// <summary>Opens sign-up with a number of places, or changes it; never below the representatives already registered.</summary>
    public void OpenRegistration(int capacity, int registered)
    {
        if (capacity < registered)
        {
            throw CapacityBelowRegistered.Refuse(ProblemKind.Conflict, new Text(
                $"{registered} representatives are registered already; the capacity cannot be lower.",
                $"Zarejestrowano już {registered} przedstawicieli; liczba miejsc nie może być mniejsza."), new(registered));
        }

        RegistrationCapacity = capacity;
    }

    /// <summary>
    /// The attendance taken from the sign-up list: the number of people who came, and their organisations added to those present
    /// (an organisation recorded as present without registering stays).
    /// </summary>
    public void RecordAttendance(int attended, IEnumerable<Guid> organisations)
    {
        AttendeeCount = attended;
        OrganisationsPresent = [.. OrganisationsPresent.Union(organisations)];
    }

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
