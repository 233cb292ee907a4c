using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Pairs allowed <c>&lt;span lang&gt;</c> and <c>&lt;/span&gt;</c> tags that are siblings in the same inline container.
/// Only paired tags may be emitted as HTML: a span opened in one paragraph and closed in another, or across emphasis,
/// would produce malformed markup in the published page.
/// </summary>
internal sealed class LanguageSpanPairing
{
    private readonly HashSet<HtmlInline> paired = new(ReferenceEqualityComparer.Instance);
    private readonly List<HtmlInline> unpaired = [];

    private LanguageSpanPairing()
    {
    }

    /// <summary>Allowed span tags that have a partner; only these may be rendered as HTML.</summary>
    public IReadOnlySet<HtmlInline> Paired => paired;

    /// <summary>Allowed span tags without a partner.</summary>
    public IReadOnlyList<HtmlInline> Unpaired => unpaired;

    public static LanguageSpanPairing Of(MarkdownDocument document)
    {
        var pairing = new LanguageSpanPairing();
        foreach (var container in document.Descendants<LeafBlock>().Select(leaf => leaf.Inline).OfType<ContainerInline>())
        {
            pairing.PairWithin(container);
        }

        return pairing;
    }

    private void PairWithin(ContainerInline container)
    {
        var open = new Stack<HtmlInline>();
        foreach (var inline in container)
        {
            if (inline is ContainerInline child)
            {
                PairWithin(child);
            }
            else if (inline is HtmlInline html && LanguageSpanTag.OpeningLanguage(html.Tag) is not null)
            {
                open.Push(html);
            }
            else if (inline is HtmlInline closing && LanguageSpanTag.IsClosing(closing.Tag))
            {
                if (open.Count == 0)
                {
                    unpaired.Add(closing);
                    continue;
                }

                paired.Add(open.Pop());
                paired.Add(closing);
            }
        }

        unpaired.AddRange(open.Reverse());
    }
}
