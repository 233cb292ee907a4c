using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// The explicit way to say an image is decoration only: an empty alt text and the title "dekoracyjny" (or "decorative"),
/// <c>![](ornament.svg "dekoracyjny")</c>. Such an image is rendered with <c>alt=""</c> (screen readers skip it) and no
/// title; an empty alt text without the title is a missing description, never taken for decoration.
/// </summary>
internal static class DecorativeImage
{
    public static bool IsMarked(LinkInline image) =>
        image.IsImage && InlineText.Of(image).Length == 0
        && image.Title?.Trim().ToLowerInvariant() is "dekoracyjny" or "dekoracyjna" or "dekoracyjne" or "decorative";
}
