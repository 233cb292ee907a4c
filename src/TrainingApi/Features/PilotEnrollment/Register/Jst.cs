using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingApi.Features.PilotEnrollment.Register;

/// <summary>
/// One row of the TERYT register of local-government units (GUS, TERC, 2024-01-01). A city with county rights
/// has two rows (its county code and its gmina code); the gmina row points at the county one in
/// <see cref="SameJstAs"/>, and the county code is the unit's canonical code.
/// </summary>
public sealed class Jst
{
    private Jst() { }

    public Jst(string teryt, string name, JstKind kind, string voivodeshipCode, string? powiatCode, string? sameJstAs)
    {
        Teryt = teryt;
        Name = name;
        Kind = kind;
        VoivodeshipCode = voivodeshipCode;
        PowiatCode = powiatCode;
        SameJstAs = sameJstAs;
        SearchName = JstNames.Normalise(name);
    }

    public string Teryt { get; private set; } = "";
    public string Name { get; private set; } = "";
    public JstKind Kind { get; private set; }
    public string VoivodeshipCode { get; private set; } = "";
    public string? PowiatCode { get; private set; }
    public string? SameJstAs { get; private set; }

    /// <summary>Lower case without diacritics ("lodz" for Łódź), for prefix search.</summary>
    public string SearchName { get; private set; } = "";

    public string CanonicalTeryt => SameJstAs ?? Teryt;
}

public sealed class JstConfiguration : IEntityTypeConfiguration<Jst>
{
    public void Configure(EntityTypeBuilder<Jst> builder)
    {
        builder.ToTable("jst", PilotEnrollmentModule.Schema);
        builder.HasKey(j => j.Teryt);
        builder.Property(j => j.Teryt).HasMaxLength(7);
        builder.Property(j => j.Name).HasMaxLength(100);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(j => j.VoivodeshipCode).HasMaxLength(2);
        builder.Property(j => j.PowiatCode).HasMaxLength(4);
        builder.Property(j => j.SameJstAs).HasMaxLength(7);
        builder.Property(j => j.SearchName).HasMaxLength(100);
        builder.Ignore(j => j.CanonicalTeryt);
        // text_pattern_ops lets LIKE 'prefix%' use the index whatever the database's collation.
        builder.HasIndex(j => j.SearchName).HasOperators("text_pattern_ops");
        builder.HasIndex(j => new { j.VoivodeshipCode, j.Kind });
    }
}
