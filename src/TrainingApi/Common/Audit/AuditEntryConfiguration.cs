using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries", PlatformSchema.Name);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Changes).HasColumnType("jsonb");
        builder.Property(a => a.ActorSubject).HasMaxLength(200);
        builder.Property(a => a.ActorRole).HasMaxLength(50);
        builder.Property(a => a.OnBehalfOf).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(200);
        builder.Property(a => a.Operation).HasMaxLength(20);
        builder.Property(a => a.TraceId).HasMaxLength(64);
        builder.HasIndex(a => new { a.At, a.Id });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.ActorSubject);
    }
}
