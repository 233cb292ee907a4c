using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Common.PersonalData;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Adoptions;

/// <summary>
/// A JST's record that it uses a release, for a project in a competitive call, with a contact person to tell when the
/// release is superseded or a legal act it cites is amended. The contact is personal data (<see cref="AdoptionPersonalData"/>).
/// </summary>
public sealed class Adoption
{
    public const int CallMaxLength = 200;

    private Adoption() { }

    public Adoption(Guid releaseId, string jstTeryt, string jstName, string project, string call, AdoptionContact contact, string recordedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ReleaseId = releaseId;
        JstTeryt = jstTeryt;
        JstName = jstName;
        Project = project;
        Call = call;
        ContactName = contact.Name;
        ContactEmail = contact.Email;
        ContactPhone = contact.Phone;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReleaseId { get; private set; }
    public string JstTeryt { get; private set; } = "";
    public string JstName { get; private set; } = "";
    public string Project { get; private set; } = "";

    /// <summary>The competitive call (or other programme) the project belongs to, e.g. "Konkurs MEN 2025"; adoptions are counted per call.</summary>
    public string Call { get; private set; } = "";

    [PersonalData]
    public string ContactName { get; private set; } = "";

    [PersonalData]
    public string ContactEmail { get; private set; } = "";

    [PersonalData]
    public string? ContactPhone { get; private set; }

    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? ErasedAt { get; private set; }

    public AdoptionContact Contact => new(ContactName, ContactEmail, ContactPhone);

    public void Erase(DateTimeOffset now)
    {
        ContactName = ErasedPersonalData.Marker;
        ContactEmail = ErasedPersonalData.Marker;
        ContactPhone = null;
        ErasedAt = now;
    }
}

/// <summary>Whom the JST wants told when its release is affected.</summary>
public sealed record AdoptionContact(string Name, string Email, string? Phone);

public sealed class AdoptionConfiguration : IEntityTypeConfiguration<Adoption>
{
    public void Configure(EntityTypeBuilder<Adoption> builder)
    {
        builder.ToTable("adoptions", HandoverModule.Schema);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.JstTeryt).HasMaxLength(7);
        builder.Property(a => a.JstName).HasMaxLength(200);
        builder.Property(a => a.Project).HasMaxLength(300);
        // Adoptions recorded before calls and contacts were asked for have none ("").
        builder.Property(a => a.Call).HasMaxLength(Adoption.CallMaxLength).HasDefaultValue("");
        builder.Property(a => a.ContactName).HasMaxLength(200).HasDefaultValue("");
        builder.Property(a => a.ContactEmail).HasMaxLength(254).HasDefaultValue("");
        builder.Property(a => a.ContactPhone).HasMaxLength(40);
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.Ignore(a => a.Contact);
        builder.HasOne<Release>().WithMany().HasForeignKey(a => a.ReleaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ReleaseId, a.JstTeryt }).IsUnique();
        builder.HasIndex(a => new { a.RecordedAt, a.Id });
    }
}

/// <param name="Contact">The person to tell; for the programme team only (null for the Ministry, and once erased).</param>
public sealed record AdoptionView(Guid Id, Guid ReleaseId, string SemanticVersion, string JstTeryt, string JstName, string Project, string Call,
    AdoptionContact? Contact, DateTimeOffset RecordedAt)
{
    public static AdoptionView From(Adoption a, string semanticVersion, bool withContact) => new(a.Id, a.ReleaseId, semanticVersion, a.JstTeryt, a.JstName,
        a.Project, a.Call, withContact && a.ErasedAt is null && a.ContactEmail.Length > 0 ? a.Contact : null, a.RecordedAt);

    public static readonly AdoptionView Example = new(Guid.Parse("01936b30-4200-7000-8000-000000000001"), ReleaseView.Example.Id, "2.0.0", "1061", "Łódź",
        "Cyfrowa szkoła w Łodzi", "Konkurs MEN 2025 — zarządzanie cyfryzacją szkół", new AdoptionContact("Anna Nowak", "a.nowak@uml.lodz.example.pl", "+48 42 000 00 00"),
        new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero));
}
