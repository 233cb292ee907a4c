using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// The programme team's decision that one finding of a version's check does not block it, and why
/// (e.g. an English quotation that must stay as published). Kept with the version for the accessibility statement.
/// </summary>
public sealed class AccessibilityWaiver
{
    public const int ReasonMaxLength = 1000;

    private AccessibilityWaiver() { }

    public AccessibilityWaiver(Guid versionId, string findingId, string reason, string waivedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        VersionId = versionId;
        FindingId = findingId;
        Reason = reason;
        WaivedBy = waivedBy;
        WaivedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid VersionId { get; private set; }
    public string FindingId { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string WaivedBy { get; private set; } = "";
    public DateTimeOffset WaivedAt { get; private set; }
}

public sealed class AccessibilityWaiverConfiguration : IEntityTypeConfiguration<AccessibilityWaiver>
{
    public void Configure(EntityTypeBuilder<AccessibilityWaiver> builder)
    {
        builder.ToTable("accessibility_waivers", CurriculumModule.Schema);
        builder.HasKey(w => w.Id);
        builder.Property(w => w.FindingId).HasMaxLength(200);
        builder.Property(w => w.Reason).HasMaxLength(AccessibilityWaiver.ReasonMaxLength);
        builder.Property(w => w.WaivedBy).HasMaxLength(200);
        builder.HasIndex(w => new { w.VersionId, w.FindingId }).IsUnique();
        builder.HasOne<ProgrammeVersion>().WithMany().HasForeignKey(w => w.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
