using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Pulls the readable prose out of a section: paragraph, heading and cell text without Markdown syntax.
/// Code, URLs and images are left out because they are not read as sentences; text inside
/// <c>&lt;span lang&gt;</c> is kept but tagged, so language and readability rules can skip it.
/// </summary>
internal static class ProseExtractor
{
    public static IReadOnlyList<ProseUnit> Extract(MarkdownDocument document, string documentLanguage)
    {
        var units = new List<ProseUnit>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is null || leaf is not (ParagraphBlock or HeadingBlock))
            {
                continue;
            }

            var kind = leaf switch
            {
                HeadingBlock => ProseKind.Heading,
                { Parent: TableCell } => ProseKind.TableCell,
                _ => ProseKind.Paragraph,
            };
            var builder = new UnitBuilder(documentLanguage);
            builder.Append(leaf.Inline);
            units.Add(builder.Build(kind));
        }

        return units;
    }

    private sealed class UnitBuilder(string documentLanguage)
    {
        private readonly StringBuilder text = new();
        private readonly List<int> offsets = [];
        private readonly List<bool> foreign = [];
        private readonly Stack<string> languages = new();

        public ProseUnit Build(ProseKind kind) => new(kind, text.ToString(), offsets, foreign);

        public void Append(ContainerInline container)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        AppendSource(literal.Content.ToString(), literal);
                        break;
                    case HtmlEntityInline entity:
                        AppendSource(entity.Transcoded.ToString(), entity);
                        break;
                    case HtmlInline html:
                        TrackLanguage(html.Tag);
                        break;
                    case LinkInline { IsImage: true }:
                        // Alt text is announced in place of the image, not read as part of the sentence.
                        AppendSeparator();
                        break;
                    case ContainerInline child:
                        Append(child);
                        break;
                    default:
                        // Code, autolinks and line breaks separate words but are not prose themselves.
                        AppendSeparator();
                        break;
                }
            }
        }

        private void TrackLanguage(string tag)
        {
            if (LanguageSpanTag.OpeningLanguage(tag) is { } language)
            {
                languages.Push(LanguageSpanTag.PrimaryLanguage(language));
            }
            else if (LanguageSpanTag.IsClosing(tag) && languages.Count > 0)
            {
                languages.Pop();
            }
        }

        private void AppendSource(string content, Inline source)
        {
            // Escapes and entities make source and content lengths differ; then every character points at the inline's start.
            var exact = source.Span.Start >= 0 && source.Span.Length == content.Length;
            var isForeign = languages.Count > 0 && languages.Peek() != documentLanguage;
            for (var i = 0; i < content.Length; i++)
            {
                text.Append(content[i]);
                offsets.Add(source.Span.Start < 0 ? -1 : exact ? source.Span.Start + i : source.Span.Start);
                foreign.Add(isForeign);
            }
        }

        private void AppendSeparator()
        {
            text.Append(' ');
            offsets.Add(-1);
            foreign.Add(false);
        }
    }
}
