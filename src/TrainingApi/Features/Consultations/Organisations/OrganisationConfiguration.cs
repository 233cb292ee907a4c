using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Security.ApiKeys;

namespace TrainingApi.Features.Consultations.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations", ConsultationsModule.Schema);
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.ShortName).HasMaxLength(Organisation.ShortNameMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Teryt).HasMaxLength(7);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => o.Name).IsUnique();
        builder.HasIndex(o => o.Teryt).IsUnique().HasFilter("teryt IS NOT NULL");
        builder.HasIndex(o => new { o.CreatedAt, o.Id });
        builder.HasData(SeededOrganisations.All);

        // A partner's keys belong to a registered organisation: the database keeps it so.
        builder.HasMany<ApiKey>().WithOne().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
