using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Features.SelfAssessment.Results;

namespace TrainingApi.Features.SelfAssessment.Rounds;

public enum SelfAssessmentStatus
{
    Open,
    Closed,
}

/// <summary>
/// One self-assessment of one JST: its own people answer the maturity framework version the round was started with,
/// through invitation links, until the round is closed (by its starter or at its deadline). The results are computed
/// once, when it closes, and kept with it, so a later framework or a later change of the scoring never alters them.
/// </summary>
public sealed class AssessmentRound : IVersioned
{
    private AssessmentRound() { }

    public AssessmentRound(Jst jst, string frameworkVersion, string? title, bool anonymous, DateTimeOffset deadline, string startedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Teryt = jst.CanonicalTeryt;
        JstName = jst.Name;
        JstKind = jst.Kind;
        VoivodeshipCode = jst.VoivodeshipCode;
        FrameworkVersion = frameworkVersion;
        Title = title;
        Anonymous = anonymous;
        Deadline = deadline;
        StartedBy = startedBy;
        StartedAt = now;
        Status = SelfAssessmentStatus.Open;
    }

    public Guid Id { get; private set; }

    /// <summary>The canonical TERYT code of the JST (the county code of a city with county rights).</summary>
    public string Teryt { get; private set; } = "";

    public string JstName { get; private set; } = "";

    /// <summary>The kind and voivodeship from the register, kept with the round: its peer group and its cell in the public aggregates.</summary>
    public JstKind JstKind { get; private set; }

    public string VoivodeshipCode { get; private set; } = "";
    public string FrameworkVersion { get; private set; } = "";
    public string? Title { get; private set; }

    /// <summary>Anonymous rounds (the default) hold no names at all; named ones hold the invitees' names, as personal data.</summary>
    public bool Anonymous { get; private set; }

    public DateTimeOffset Deadline { get; private set; }
    public SelfAssessmentStatus Status { get; private set; }
    public string StartedBy { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Who closed it: a subject, or <c>deadline</c> when the sweeper closed it.</summary>
    public string? ClosedBy { get; private set; }

    /// <summary>The results computed at closing (JSON), null while open.</summary>
    public string? ResultsJson { get; private set; }

    public uint Version { get; private set; }

    public RoundResults? Results => ResultsJson is null ? null : JsonSerializer.Deserialize<RoundResults>(ResultsJson, Json);

    public bool IsClosed => Status == SelfAssessmentStatus.Closed;

    public void EnsureOpen()
    {
        if (IsClosed)
        {
            throw Problem.Conflict(new Text($"The self-assessment round of {JstName} is closed; it no longer changes.",
                $"Runda samooceny {JstName} jest zamknięta; nie można jej już zmieniać."), "round-closed");
        }
    }

    public void Close(RoundResults results, string closedBy, DateTimeOffset now)
    {
        EnsureOpen();
        Status = SelfAssessmentStatus.Closed;
        ClosedAt = now;
        ClosedBy = closedBy;
        ResultsJson = JsonSerializer.Serialize(results, Json);
    }

    public const string ClosedAtDeadline = "deadline";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> builder)
    {
        builder.ToTable("rounds", SelfAssessmentModule.Schema);
        builder.HasKey(r => r.Id);
        builder.Ignore(r => r.Results);
        builder.Ignore(r => r.IsClosed);
        builder.Property(r => r.Teryt).HasMaxLength(7);
        builder.Property(r => r.JstName).HasMaxLength(100);
        builder.Property(r => r.JstKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.VoivodeshipCode).HasMaxLength(2);
        builder.Property(r => r.FrameworkVersion).HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.StartedBy).HasMaxLength(200);
        builder.Property(r => r.ClosedBy).HasMaxLength(200);
        builder.Property(r => r.ResultsJson).HasColumnType("jsonb");
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasIndex(r => new { r.Teryt, r.StartedAt, r.Id });
        // One open round per JST, kept by the database when two starters race.
        builder.HasIndex(r => r.Teryt, "ix_rounds_one_open_per_jst").IsUnique().HasFilter("status = 'Open'");
        builder.HasIndex(r => new { r.StartedAt, r.Id });
        // The deadline sweeper looks only at open rounds.
        builder.HasIndex(r => r.Deadline).HasFilter("status = 'Open'");
    }
}
