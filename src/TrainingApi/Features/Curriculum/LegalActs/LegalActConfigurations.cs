using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingApi.Features.Curriculum.LegalActs;

public sealed class LegalActConfiguration : IEntityTypeConfiguration<LegalAct>
{
    public void Configure(EntityTypeBuilder<LegalAct> builder)
    {
        builder.ToTable("legal_acts", CurriculumModule.Schema);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Citation).HasMaxLength(LegalAct.CitationMaxLength);
        builder.Property(a => a.Title).HasMaxLength(LegalAct.TitleMaxLength);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => a.Citation).IsUnique();
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
    }
}

public sealed class LegalActAmendmentConfiguration : IEntityTypeConfiguration<LegalActAmendment>
{
    public void Configure(EntityTypeBuilder<LegalActAmendment> builder)
    {
        builder.ToTable("legal_act_amendments", CurriculumModule.Schema);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.AmendingCitation).HasMaxLength(LegalAct.CitationMaxLength);
        builder.Property(a => a.Note).HasMaxLength(LegalActAmendment.NoteMaxLength);
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.HasIndex(a => new { a.LegalActId, a.RecordedAt });
        builder.HasOne<LegalAct>().WithMany().HasForeignKey(a => a.LegalActId).OnDelete(DeleteBehavior.Cascade);
    }
}
