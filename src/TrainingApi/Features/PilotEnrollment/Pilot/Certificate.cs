using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

/// <summary>
/// A certificate of completion for one participant. It keeps no copy of the person's name: the name is read from the
/// participant when the certificate is shown or verified, so after a RODO erasure the certificate can no longer be
/// verified (the check answers as for an unknown code) and its page is gone.
/// </summary>
public sealed class Certificate
{
    /// <summary>Crockford's base32 without I, L, O, U: unambiguous when read aloud or typed from paper.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>20 characters of 5 bits: 100 bits from the system's CSPRNG, so a code cannot be guessed.</summary>
    public const int CodeLength = 20;

    private Certificate() { }

    public Certificate(Guid participantId, Guid applicationId, Guid cohortId, string programmeTitle, DateOnly completedOn, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ParticipantId = participantId;
        ApplicationId = applicationId;
        CohortId = cohortId;
        ProgrammeTitle = programmeTitle;
        CompletedOn = completedOn;
        IssuedAt = now;
        Code = NewCode();
    }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid CohortId { get; private set; }

    /// <summary>What anyone may check it by, printed on it as XXXXX-XXXXX-XXXXX-XXXXX.</summary>
    public string Code { get; private set; } = "";

    /// <summary>The training programme as named when the certificate was issued (the recruitment's title).</summary>
    public string ProgrammeTitle { get; private set; } = "";

    /// <summary>The day of the participant's last attended session (Europe/Warsaw).</summary>
    public DateOnly CompletedOn { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    /// <summary>The code as printed (groups of five) from whatever a person typed: case, spaces and dashes do not matter, O reads as 0, I and L as 1.</summary>
    public static string Normalise(string typed) =>
        new([.. typed.ToUpperInvariant().Where(c => c is not ('-' or ' ')).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })]);

    public static string Printed(string code) => string.Join('-', code.Chunk(5).Select(c => new string(c)));
}

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("certificates", PilotEnrollmentModule.Schema);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(Certificate.CodeLength);
        builder.HasIndex(c => c.Code).IsUnique();
        // One certificate per participant: issuing again answers the one there is.
        builder.HasIndex(c => c.ParticipantId).IsUnique();
        builder.Property(c => c.ProgrammeTitle).HasMaxLength(300);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Restrict);
    }
}
