using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingApi.Features.Curriculum.Slugs;

/// <summary>
/// Every slug a programme has ever held, kept for good: a slug once given is never given to another programme, so an address
/// someone cited can never come to mean a different work.
/// </summary>
public sealed class SlugReservation
{
    private SlugReservation() { }

    public SlugReservation(string slug, Guid programmeId, DateTimeOffset now)
    {
        Slug = slug;
        ProgrammeId = programmeId;
        ReservedAt = now;
    }

    public string Slug { get; private set; } = "";
    public Guid ProgrammeId { get; private set; }
    public DateTimeOffset ReservedAt { get; private set; }
}

public sealed class SlugReservationConfiguration : IEntityTypeConfiguration<SlugReservation>
{
    public void Configure(EntityTypeBuilder<SlugReservation> b)
    {
        b.ToTable("programme_slugs", CurriculumModule.Schema);
        b.HasKey(s => s.Slug);
        b.Property(s => s.Slug).HasMaxLength(ProgrammeSlug.MaxLength);
        b.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.ProgrammeId);
    }
}
