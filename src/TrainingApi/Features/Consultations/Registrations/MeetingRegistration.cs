using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Common.PersonalData;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;

namespace TrainingApi.Features.Consultations.Registrations;

/// <summary>
/// An organisation's sign-up for a consultation meeting: one or more representatives, each taking one of the meeting's
/// places. The team's list of registrations is the meeting's attendance list.
/// </summary>
public sealed class MeetingRegistration
{
    public const int MaxRepresentatives = 10;

    private MeetingRegistration() { }

    public MeetingRegistration(Guid meetingId, Guid organisationId, IEnumerable<MeetingRepresentative> representatives, string registeredBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        MeetingId = meetingId;
        OrganisationId = organisationId;
        Representatives = [.. representatives];
        Representatives.ForEach(p => p.JoinMeeting(meetingId));
        RegisteredBy = registeredBy;
        RegisteredAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public List<MeetingRepresentative> Representatives { get; private set; } = [];

    /// <summary>The token subject or API key that registered them (a partner system, a coordinator, the team).</summary>
    public string RegisteredBy { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }
}

/// <summary>A person an organisation sends to a meeting. Name, e-mail and phone are personal data (RODO): never public, never in the audit.</summary>
public sealed class MeetingRepresentative
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 30;
    public const int PositionMaxLength = 200;

    private MeetingRepresentative() { }

    public MeetingRepresentative(string name, string email, string? phone, string? position)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Email = email;
        Phone = phone;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid RegistrationId { get; private set; }
    public Guid MeetingId { get; private set; }

    [PersonalData]
    public string Name { get; private set; } = "";

    [PersonalData]
    public string Email { get; private set; } = "";

    [PersonalData]
    public string? Phone { get; private set; }

    public string? Position { get; private set; }

    /// <summary>Whether the person came, once the team has recorded the meeting's attendance from this list; null before.</summary>
    public bool? Attended { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    public void RecordAttendance(bool attended) => Attended = attended;

    /// <summary>Set on the meeting's id by the registration it belongs to, so one meeting cannot list the same e-mail twice (a unique index).</summary>
    internal void JoinMeeting(Guid meetingId) => MeetingId = meetingId;

    /// <summary>RODO erasure: the person is gone; the organisation's registration (and the count of places) stays.</summary>
    public void Erase(DateTimeOffset now)
    {
        Name = ErasedPersonalData.Marker;
        Email = ErasedPersonalData.Marker + " " + Id.ToString("N");
        Phone = null;
        ErasedAt = now;
    }
}

public sealed class MeetingRegistrationConfiguration : IEntityTypeConfiguration<MeetingRegistration>
{
    public void Configure(EntityTypeBuilder<MeetingRegistration> builder)
    {
        builder.ToTable("meeting_registrations", ConsultationsModule.Schema);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RegisteredBy).HasMaxLength(200);
        builder.HasOne<ConsultationMeeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Representatives).WithOne().HasForeignKey(p => p.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.MeetingId, r.RegisteredAt, r.Id });
    }
}

public sealed class MeetingRepresentativeConfiguration : IEntityTypeConfiguration<MeetingRepresentative>
{
    public void Configure(EntityTypeBuilder<MeetingRepresentative> builder)
    {
        builder.ToTable("meeting_representatives", ConsultationsModule.Schema);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(MeetingRepresentative.NameMaxLength);
        builder.Property(p => p.Email).HasMaxLength(300);
        builder.Property(p => p.Phone).HasMaxLength(MeetingRepresentative.PhoneMaxLength);
        builder.Property(p => p.Position).HasMaxLength(MeetingRepresentative.PositionMaxLength);
        builder.HasOne<ConsultationMeeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        // The same person (by e-mail, whatever its case) is registered for a meeting once.
        builder.HasIndex(p => new { p.MeetingId, p.Email }).IsUnique().HasDatabaseName("ux_meeting_representatives_email");
    }
}
