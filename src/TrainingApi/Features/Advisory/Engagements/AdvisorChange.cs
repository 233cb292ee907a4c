using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingApi.Features.Advisory.Engagements;

/// <summary>A handover of an engagement from one advisor to another, with why and by whom: the engagement's advisor history.</summary>
public sealed class AdvisorChange
{
    private AdvisorChange() { }

    public AdvisorChange(Guid engagementId, Guid fromAdvisorId, Guid toAdvisorId, string reason, string changedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        EngagementId = engagementId;
        FromAdvisorId = fromAdvisorId;
        ToAdvisorId = toAdvisorId;
        Reason = reason;
        ChangedBy = changedBy;
        ChangedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EngagementId { get; private set; }
    public Guid FromAdvisorId { get; private set; }
    public Guid ToAdvisorId { get; private set; }
    public string Reason { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
}

public sealed class AdvisorChangeConfiguration : IEntityTypeConfiguration<AdvisorChange>
{
    public void Configure(EntityTypeBuilder<AdvisorChange> builder)
    {
        builder.ToTable("advisor_changes", AdvisoryModule.Schema);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.ChangedBy).HasMaxLength(200);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(c => c.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Advisors.Advisor>().WithMany().HasForeignKey(c => c.FromAdvisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Advisors.Advisor>().WithMany().HasForeignKey(c => c.ToAdvisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.EngagementId, c.ChangedAt });
    }
}
