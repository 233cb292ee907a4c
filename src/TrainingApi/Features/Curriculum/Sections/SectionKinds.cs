namespace TrainingApi.Features.Curriculum.Sections;

public enum SectionKind
{
    Module,
    Unit,
    AdvisoryGuideline,
    Annex,
}

public enum DeliveryForm
{
    InPerson,
    LiveOnline,
    ELearning,
    Workshop,
    Blended,
}

public enum TargetRole
{
    JstLeadership,
    EducationDepartment,
    Finance,
    ItCybersecurity,
    SchoolHeads,
}

/// <summary>Learning outcomes as the Polish Qualifications Framework splits them (wiedza, umiejętności, kompetencje społeczne).</summary>
public sealed record LearningOutcomes(IReadOnlyList<string> Knowledge, IReadOnlyList<string> Skills, IReadOnlyList<string> SocialCompetences)
{
    public static readonly LearningOutcomes None = new([], [], []);

    public int Count => Knowledge.Count + Skills.Count + SocialCompetences.Count;
}
