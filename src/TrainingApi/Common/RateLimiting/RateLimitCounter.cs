using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.RateLimiting;

/// <summary>Hits of one bucket (a partner key) in one fixed one-minute window.</summary>
public sealed class RateLimitCounter : INotAudited
{
    public string Bucket { get; set; } = "";
    public DateTimeOffset WindowStart { get; set; }
    public int Hits { get; set; }
}

public sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.ToTable("rate_limit_counters", PlatformSchema.Name);
        builder.HasKey(c => new { c.Bucket, c.WindowStart });
        builder.Property(c => c.Bucket).HasMaxLength(100);
        builder.HasIndex(c => c.WindowStart);
    }
}
