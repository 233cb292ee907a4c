using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Security.ApiKeys;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys", PlatformSchema.Name);
        builder.HasKey(k => k.Id);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => new { k.OrganisationId, k.CreatedAt });
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.Property(k => k.RevokedBy).HasMaxLength(200);
        builder.Property(k => k.Version).IsRowVersion();
    }
}
