using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Adoptions;

/// <summary>A JST's record that it uses a release (e.g. in its competitive-call project), so it hears when the release is affected.</summary>
public sealed class Adoption
{
    private Adoption() { }

    public Adoption(Guid releaseId, string jstTeryt, string jstName, string project, string recordedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ReleaseId = releaseId;
        JstTeryt = jstTeryt;
        JstName = jstName;
        Project = project;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReleaseId { get; private set; }
    public string JstTeryt { get; private set; } = "";
    public string JstName { get; private set; } = "";
    public string Project { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

public sealed class AdoptionConfiguration : IEntityTypeConfiguration<Adoption>
{
    public void Configure(EntityTypeBuilder<Adoption> builder)
    {
        builder.ToTable("adoptions", HandoverModule.Schema);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.JstTeryt).HasMaxLength(7);
        builder.Property(a => a.JstName).HasMaxLength(200);
        builder.Property(a => a.Project).HasMaxLength(300);
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.HasOne<Release>().WithMany().HasForeignKey(a => a.ReleaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ReleaseId, a.JstTeryt }).IsUnique();
    }
}

public sealed record AdoptionView(Guid Id, Guid ReleaseId, string JstTeryt, string JstName, string Project, DateTimeOffset RecordedAt)
{
    public static AdoptionView From(Adoption a) => new(a.Id, a.ReleaseId, a.JstTeryt, a.JstName, a.Project, a.RecordedAt);

    public static readonly AdoptionView Example = new(Guid.Parse("01936b30-4200-7000-8000-000000000001"), ReleaseView.Example.Id, "1061", "Łódź",
        "Cyfrowa szkoła w Łodzi — konkurs 2025", new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero));
}
