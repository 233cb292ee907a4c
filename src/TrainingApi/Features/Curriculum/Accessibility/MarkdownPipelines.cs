using Markdig;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// The one Markdig pipeline shared by checking, validation and rendering, so that all three see the same syntax tree:
/// CommonMark plus pipe tables, and nothing else (no generic attributes, no auto-links of bare text).
/// </summary>
internal static class MarkdownPipelines
{
    // Precise source locations are needed so findings point at the inline that caused them, not its paragraph.
    public static MarkdownPipeline Standard { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();
}
