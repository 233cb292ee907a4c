using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Responding;

/// <summary>
/// One respondent's submitted answers, with their role and nothing else: no invitation, no name, no time, and a random
/// (not time-ordered) id, so that not even the database ties answers to a link or a person. Only aggregates of these
/// ever leave the API. Not audited, for the same reason as <see cref="AnswerDraft"/>.
/// </summary>
public sealed class Submission : INotAudited
{
    private Submission() { }

    public Submission(Guid roundId, RespondentRole role, IReadOnlyDictionary<string, int?> answers)
    {
        Id = Guid.NewGuid();
        RoundId = roundId;
        Role = role;
        AnswersJson = JsonSerializer.Serialize(answers);
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public RespondentRole Role { get; private set; }
    public string AnswersJson { get; private set; } = "{}";

    public IReadOnlyDictionary<string, int?> Answers => JsonSerializer.Deserialize<Dictionary<string, int?>>(AnswersJson)!;
}

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions", SelfAssessmentModule.Schema);
        builder.HasKey(s => s.Id);
        builder.Ignore(s => s.Answers);
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.AnswersJson).HasColumnType("jsonb");
        builder.HasOne<AssessmentRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.RoundId);
    }
}
