using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Audit;
using TrainingApi.Features.SelfAssessment.Invitations;

namespace TrainingApi.Features.SelfAssessment.Responding;

/// <summary>
/// A respondent's answers while they may still change them, keyed by the invitation; deleted when they submit.
/// Not audited: an audit entry would tie the answers to the invitation (and, in a named round, to a name).
/// </summary>
public sealed class AnswerDraft : INotAudited
{
    private AnswerDraft() { }

    public AnswerDraft(Guid invitationId, IReadOnlyDictionary<string, int?> answers, DateTimeOffset now)
    {
        InvitationId = invitationId;
        Replace(answers, now);
    }

    public Guid InvitationId { get; private set; }
    public string AnswersJson { get; private set; } = "{}";
    public DateTimeOffset SavedAt { get; private set; }

    public IReadOnlyDictionary<string, int?> Answers => JsonSerializer.Deserialize<Dictionary<string, int?>>(AnswersJson)!;

    public void Replace(IReadOnlyDictionary<string, int?> answers, DateTimeOffset now)
    {
        AnswersJson = JsonSerializer.Serialize(answers);
        SavedAt = now;
    }
}

public sealed class AnswerDraftConfiguration : IEntityTypeConfiguration<AnswerDraft>
{
    public void Configure(EntityTypeBuilder<AnswerDraft> builder)
    {
        builder.ToTable("answer_drafts", SelfAssessmentModule.Schema);
        builder.HasKey(d => d.InvitationId);
        builder.Ignore(d => d.Answers);
        builder.Property(d => d.AnswersJson).HasColumnType("jsonb");
        builder.HasOne<Invitation>().WithOne().HasForeignKey<AnswerDraft>(d => d.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
