namespace TrainingApi.Features.MaterialsHandover.OpenData.Rdf;

/// <summary>A node or value of an RDF graph. There are no blank nodes: every node has an IRI, so two serialisations of one graph
/// compare equal as sets of N-Triples, with no isomorphism to compute.</summary>
public abstract record RdfTerm;

public sealed record Iri(string Value) : RdfTerm
{
    public override string ToString() => $"<{Value}>";
}

/// <summary>A literal with a language tag, or with a datatype (none means xsd:string).</summary>
public sealed record Literal : RdfTerm
{
    public Literal(string value, string? language = null, string? datatype = null)
    {
        if (language is not null && datatype is not null)
        {
            throw new ArgumentException("A literal has a language tag or a datatype, not both.");
        }

        Value = XmlSafe(value);
        Language = language?.ToLowerInvariant();
        Datatype = datatype == Vocabulary.Xsd + "string" ? null : datatype;
    }

    public string Value { get; }
    public string? Language { get; }
    public string? Datatype { get; }

    /// <summary>
    /// RDF/XML cannot carry characters XML 1.0 forbids (most C0 controls); they are replaced here, once, so that the three
    /// serialisations still say the same thing.
    /// </summary>
    private static string XmlSafe(string value)
    {
        if (!value.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF'))
        {
            return value;
        }

        return string.Concat(value.Select(c => c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF' ? '\uFFFD' : c));
    }
}

public sealed record Triple(Iri Subject, Iri Predicate, RdfTerm Value);

/// <summary>A set of triples in the order they were first added (so the output reads subject by subject), with the prefixes to write it with.</summary>
public sealed class RdfGraph
{
    private readonly List<Triple> triples = [];
    private readonly HashSet<Triple> seen = [];

    public RdfGraph(IReadOnlyDictionary<string, string> prefixes) => Prefixes = prefixes;

    public IReadOnlyDictionary<string, string> Prefixes { get; }

    public IReadOnlyList<Triple> Triples => triples;

    public int Count => triples.Count;

    public RdfGraph Add(Iri subject, Iri predicate, RdfTerm value)
    {
        var triple = new Triple(subject, predicate, value);
        if (seen.Add(triple))
        {
            triples.Add(triple);
        }

        return this;
    }

    public RdfGraph Add(string subject, string predicate, RdfTerm value) => Add(new Iri(subject), new Iri(predicate), value);

    public RdfGraph Link(string subject, string predicate, string target) => Add(new Iri(subject), new Iri(predicate), new Iri(target));

    public RdfGraph Type(string subject, string type) => Link(subject, Vocabulary.Rdf + "type", type);

    /// <summary>Triples grouped by subject and then by predicate, both in order of first appearance (how every writer lays them out).</summary>
    public IEnumerable<(Iri Subject, IReadOnlyList<(Iri Predicate, IReadOnlyList<RdfTerm> Objects)> Properties)> BySubject() =>
        triples.GroupBy(t => t.Subject).Select(s => (s.Key,
            (IReadOnlyList<(Iri, IReadOnlyList<RdfTerm>)>)[.. s.GroupBy(t => t.Predicate).Select(p => (p.Key, (IReadOnlyList<RdfTerm>)[.. p.Select(t => t.Value)]))]));

    /// <summary>The prefix and local name of an IRI when it can be written as a prefixed name that every syntax accepts as is.</summary>
    public (string Prefix, string Local)? Compact(string iri)
    {
        foreach (var (prefix, ns) in Prefixes)
        {
            if (iri.Length > ns.Length && iri.StartsWith(ns, StringComparison.Ordinal) && IsSimpleName(iri.AsSpan(ns.Length)))
            {
                return (prefix, iri[ns.Length..]);
            }
        }

        return null;
    }

    /// <summary>A name that is at once a Turtle PN_LOCAL, an XML NCName and harmless in a JSON-LD compact IRI: ASCII letters, digits, _ and -, not starting with a digit or -.</summary>
    public static bool IsSimpleName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
