namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>Where a run of prose came from; readability is judged on paragraphs only, since headings and cells are not sentences.</summary>
internal enum ProseKind
{
    Paragraph,
    Heading,
    TableCell,
}
