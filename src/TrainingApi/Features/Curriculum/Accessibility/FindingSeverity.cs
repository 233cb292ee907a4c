namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>Errors block publication as WCAG 2.1 AA non-conformance; warnings are advice an author may waive.</summary>
public enum FindingSeverity
{
    Error,
    Warning,
}
