using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;

namespace TrainingApi.Features.Advisory.Advisors;

/// <summary>
/// An advisor working with piloted JST. <see cref="Subject"/> is the `sub` of the advisor's token: it is how the API
/// knows which engagements an advisor may see.
/// </summary>
public sealed class Advisor : IVersioned
{
    public const int NameMaxLength = 200;

    private Advisor() { }

    public Advisor(string subject, string name, string email, IReadOnlyList<string> specialisations, int capacity, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Subject = subject;
        Name = name;
        Email = email;
        Specialisations = [.. specialisations];
        Capacity = capacity;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Subject { get; private set; } = "";

    [PersonalData]
    public string Name { get; private set; } = "";

    [PersonalData]
    public string Email { get; private set; } = "";

    /// <summary>Maturity area codes the advisor is strongest in.</summary>
    public List<string> Specialisations { get; private set; } = [];

    /// <summary>How many engagements that are not closed the advisor can hold at once.</summary>
    public int Capacity { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsErased => Email == ErasedPersonalData.Marker;

    /// <summary>RODO erasure: name and e-mail go; the advisor's engagements, sessions and reports stay.</summary>
    public void Erase()
    {
        Name = ErasedPersonalData.Marker;
        Email = ErasedPersonalData.Marker;
    }
}

public sealed class AdvisorConfiguration : IEntityTypeConfiguration<Advisor>
{
    public void Configure(EntityTypeBuilder<Advisor> builder)
    {
        builder.ToTable("advisors", AdvisoryModule.Schema, t => t.HasCheckConstraint("ck_advisors_capacity", "capacity BETWEEN 1 AND 50"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Subject).HasMaxLength(200);
        builder.Property(a => a.Name).HasMaxLength(Advisor.NameMaxLength);
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => a.Subject).IsUnique();
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
    }
}

public sealed record AdvisorView(Guid Id, string Subject, string Name, string Email, IReadOnlyList<string> Specialisations, int Capacity, int ActiveEngagements)
{
    public static AdvisorView From(Advisor a, int active) => new(a.Id, a.Subject, a.Name, a.Email, a.Specialisations, a.Capacity, active);

    public static readonly AdvisorView Example = new(Guid.Parse("01936b30-3000-7000-8000-000000000001"), "marta.wisniewska", "Marta Wiśniewska",
        "marta.wisniewska@doradcy.ore.edu.pl", ["cyberbezpieczenstwo", "infrastruktura"], 4, 2);
}
