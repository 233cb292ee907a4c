namespace TrainingApi.Features.Curriculum.LegalActs;

/// <summary>A recorded amendment of an act; recording it flags the sections that cite the act for review.</summary>
public sealed class LegalActAmendment
{
    public const int NoteMaxLength = 1000;

    private LegalActAmendment() { }

    public LegalActAmendment(Guid legalActId, string? amendingCitation, DateOnly amendedOn, string? note, int flaggedSections, string recordedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        LegalActId = legalActId;
        AmendingCitation = amendingCitation;
        AmendedOn = amendedOn;
        Note = note;
        FlaggedSections = flaggedSections;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid LegalActId { get; private set; }

    /// <summary>The act that amends it, e.g. "Dz.U. 2024 poz. 854".</summary>
    public string? AmendingCitation { get; private set; }

    public DateOnly AmendedOn { get; private set; }
    public string? Note { get; private set; }
    public int FlaggedSections { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}
