namespace TrainingApi.Features.Curriculum.Sections;

/// <summary>A section cites a legal act of the register.</summary>
public sealed class SectionCitation
{
    private SectionCitation() { }

    public SectionCitation(Guid sectionId, Guid legalActId)
    {
        SectionId = sectionId;
        LegalActId = legalActId;
    }

    public Guid SectionId { get; private set; }
    public Guid LegalActId { get; private set; }
}
