using System.Globalization;
using System.Text;

namespace TrainingApi.Features.MaterialsHandover.OpenData.Rdf;

/// <summary>Turtle 1.1 (W3C REC 2014): prefixes, one block per subject, <c>;</c> between predicates and <c>,</c> between objects.</summary>
public static class TurtleWriter
{
    public const string MediaType = "text/turtle";

    public static byte[] Write(RdfGraph graph)
    {
        var text = new StringBuilder();
        foreach (var (prefix, ns) in graph.Prefixes)
        {
            text.Append("@prefix ").Append(prefix).Append(": ").Append(IriRef(ns)).Append(" .\n");
        }

        foreach (var (subject, properties) in graph.BySubject())
        {
            text.Append('\n').Append(Term(graph, subject));
            for (var p = 0; p < properties.Count; p++)
            {
                var (predicate, objects) = properties[p];
                text.Append(p == 0 ? "\n    " : " ;\n    ")
                    .Append(predicate.Value == Vocabulary.Rdf + "type" ? "a" : Term(graph, predicate)).Append(' ')
                    .AppendJoin(", ", objects.Select(o => Term(graph, o)));
            }

            text.Append(" .\n");
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    private static string Term(RdfGraph graph, RdfTerm term) => term switch
    {
        Iri iri => graph.Compact(iri.Value) is { } name ? $"{name.Prefix}:{name.Local}" : IriRef(iri.Value),
        Literal { Language: { } language } literal => $"{Quoted(literal.Value)}@{language}",
        Literal { Datatype: { } datatype } literal => $"{Quoted(literal.Value)}^^{Term(graph, new Iri(datatype))}",
        Literal literal => Quoted(literal.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(term)),
    };

    /// <summary>An IRIREF: the characters Turtle forbids there (controls, space, <c>&lt;&gt;"{}|^`\</c>) as UCHAR escapes.</summary>
    public static string IriRef(string iri)
    {
        var text = new StringBuilder(iri.Length + 2).Append('<');
        foreach (var rune in iri.EnumerateRunes())
        {
            if (rune.Value <= 0x20 || rune.Value is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                text.Append("\\u").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(rune.ToString());
            }
        }

        return text.Append('>').ToString();
    }

    /// <summary>A STRING_LITERAL_QUOTE: quote, backslash and line breaks escaped, other controls as UCHAR.</summary>
    public static string Quoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < 0x20 || c == 0x7F => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
