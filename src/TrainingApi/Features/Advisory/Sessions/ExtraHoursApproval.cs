using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Sessions;

/// <summary>Hours the programme team approved beyond an engagement's budget, with why: the record behind ExtraHoursApproved.</summary>
public sealed class ExtraHoursApproval
{
    private ExtraHoursApproval() { }

    public ExtraHoursApproval(Guid engagementId, decimal hours, string reason, string approvedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        EngagementId = engagementId;
        Hours = hours;
        Reason = reason;
        ApprovedBy = approvedBy;
        ApprovedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EngagementId { get; private set; }
    public decimal Hours { get; private set; }
    public string Reason { get; private set; } = "";
    public string ApprovedBy { get; private set; } = "";
    public DateTimeOffset ApprovedAt { get; private set; }
}

public sealed class ExtraHoursApprovalConfiguration : IEntityTypeConfiguration<ExtraHoursApproval>
{
    public void Configure(EntityTypeBuilder<ExtraHoursApproval> builder)
    {
        builder.ToTable("extra_hours_approvals", AdvisoryModule.Schema);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Hours).HasPrecision(7, 2);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.ApprovedBy).HasMaxLength(200);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.EngagementId);
    }
}
