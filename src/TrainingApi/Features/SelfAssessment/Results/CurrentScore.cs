using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.SelfAssessment.Results;

/// <summary>
/// A JST's current state, one row an area (and one for <see cref="Overall"/>): the scores of its latest closed round that
/// showed results. Kept beside the rounds so that a peer benchmark over thousands of JST is one grouped, indexed query.
/// Derived data (rewritten from the round at closing), so not audited.
/// </summary>
public sealed class CurrentScore : INotAudited
{
    public const string Overall = "overall";

    private CurrentScore() { }

    public CurrentScore(string teryt, string area, decimal score, JstKind kind, string voivodeshipCode, Guid roundId, string frameworkVersion, DateTimeOffset closedAt)
    {
        Teryt = teryt;
        Area = area;
        Score = score;
        JstKind = kind;
        VoivodeshipCode = voivodeshipCode;
        RoundId = roundId;
        FrameworkVersion = frameworkVersion;
        ClosedAt = closedAt;
    }

    public string Teryt { get; private set; } = "";

    /// <summary>An area code of the framework, or <see cref="Overall"/>.</summary>
    public string Area { get; private set; } = "";

    public decimal Score { get; private set; }
    public JstKind JstKind { get; private set; }
    public string VoivodeshipCode { get; private set; } = "";
    public Guid RoundId { get; private set; }
    public string FrameworkVersion { get; private set; } = "";
    public DateTimeOffset ClosedAt { get; private set; }
}

public sealed class CurrentScoreConfiguration : IEntityTypeConfiguration<CurrentScore>
{
    public void Configure(EntityTypeBuilder<CurrentScore> builder)
    {
        builder.ToTable("current_scores", SelfAssessmentModule.Schema);
        builder.HasKey(s => new { s.Teryt, s.Area });
        builder.Property(s => s.Teryt).HasMaxLength(7);
        builder.Property(s => s.Area).HasMaxLength(40);
        builder.Property(s => s.Score).HasPrecision(4, 2);
        builder.Property(s => s.JstKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.VoivodeshipCode).HasMaxLength(2);
        builder.Property(s => s.FrameworkVersion).HasMaxLength(20);
        builder.HasIndex(s => new { s.FrameworkVersion, s.JstKind, s.Area }).IncludeProperties(s => s.Score);
    }
}
