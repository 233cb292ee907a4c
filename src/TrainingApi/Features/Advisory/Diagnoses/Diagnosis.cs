using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;

namespace TrainingApi.Features.Advisory.Diagnoses;

public enum DiagnosisKind
{
    /// <summary>At the start, in the diagnosis stage.</summary>
    Initial,

    /// <summary>At the end, in the closure stage: compared with the initial one.</summary>
    Closing,
}

/// <summary>
/// A scored digital-maturity diagnosis of one JST: the respondents' answers as given (JSON) and the scores computed
/// from them when it was recorded, against the framework version named.
/// </summary>
public sealed class Diagnosis
{
    private Diagnosis() { }

    public Diagnosis(Guid engagementId, DiagnosisKind kind, string frameworkVersion, DateOnly conductedOn, IReadOnlyList<RespondentAnswers> respondents,
        DiagnosisScores scores, string recordedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        EngagementId = engagementId;
        Kind = kind;
        FrameworkVersion = frameworkVersion;
        ConductedOn = conductedOn;
        RespondentsJson = JsonSerializer.Serialize(respondents, Json);
        ScoresJson = JsonSerializer.Serialize(scores, Json);
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EngagementId { get; private set; }
    public DiagnosisKind Kind { get; private set; }
    public string FrameworkVersion { get; private set; } = "";
    public DateOnly ConductedOn { get; private set; }
    /// <summary>The answers as given, kept so the scores can be recomputed or audited.</summary>
    public string RespondentsJson { get; private set; } = "[]";

    public string ScoresJson { get; private set; } = "{}";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<RespondentAnswers> Respondents => JsonSerializer.Deserialize<List<RespondentAnswers>>(RespondentsJson, Json)!;

    public DiagnosisScores Scores => JsonSerializer.Deserialize<DiagnosisScores>(ScoresJson, Json)!;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public sealed class DiagnosisConfiguration : IEntityTypeConfiguration<Diagnosis>
{
    public void Configure(EntityTypeBuilder<Diagnosis> builder)
    {
        builder.ToTable("diagnoses", AdvisoryModule.Schema);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.FrameworkVersion).HasMaxLength(20);
        builder.Property(d => d.RecordedBy).HasMaxLength(200);
        builder.Ignore(d => d.Respondents);
        builder.Ignore(d => d.Scores);
        builder.Property(d => d.RespondentsJson).HasColumnType("jsonb");
        builder.Property(d => d.ScoresJson).HasColumnType("jsonb");
        builder.HasOne<Engagement>().WithMany().HasForeignKey(d => d.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.EngagementId, d.RecordedAt });
    }
}
