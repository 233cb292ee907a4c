using System.Text;
using System.Xml;

namespace TrainingApi.Features.MaterialsHandover.OpenData.Rdf;

/// <summary>
/// RDF/XML (W3C REC 2014): one <c>rdf:Description rdf:about</c> per subject; a property element per triple, whose object is an
/// <c>rdf:resource</c> or text with <c>xml:lang</c> or <c>rdf:datatype</c>. XmlWriter escapes text and attributes.
/// </summary>
public static class RdfXmlWriter
{
    public const string MediaType = "application/rdf+xml";

    public static byte[] Write(RdfGraph graph)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineHandling = NewLineHandling.Entitize }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rdf", "RDF", Vocabulary.Rdf);
            foreach (var (prefix, ns) in graph.Prefixes.Where(p => p.Key != "rdf"))
            {
                xml.WriteAttributeString("xmlns", prefix, null, ns);
            }

            var generated = 0;
            foreach (var (subject, properties) in graph.BySubject())
            {
                xml.WriteStartElement("rdf", "Description", Vocabulary.Rdf);
                xml.WriteAttributeString("rdf", "about", Vocabulary.Rdf, subject.Value);
                foreach (var (predicate, objects) in properties)
                {
                    var (ns, local) = Split(predicate.Value);
                    foreach (var value in objects)
                    {
                        // A namespace no prefix names gets one of its own on the element (XML needs a QName for every property).
                        var prefix = graph.Prefixes.FirstOrDefault(p => p.Value == ns).Key ?? $"ns{++generated}";
                        xml.WriteStartElement(prefix, local, ns);
                        switch (value)
                        {
                            case Iri iri:
                                xml.WriteAttributeString("rdf", "resource", Vocabulary.Rdf, iri.Value);
                                break;
                            case Literal literal:
                                if (literal.Language is { } language)
                                {
                                    xml.WriteAttributeString("xml", "lang", null, language);
                                }
                                else if (literal.Datatype is { } datatype)
                                {
                                    xml.WriteAttributeString("rdf", "datatype", Vocabulary.Rdf, datatype);
                                }

                                xml.WriteString(literal.Value);
                                break;
                        }

                        xml.WriteEndElement();
                    }
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>A property IRI as namespace and local name; RDF/XML cannot write a property whose IRI does not end in an NCName.</summary>
    private static (string Namespace, string Local) Split(string iri)
    {
        var at = iri.Length;
        while (at > 0 && (char.IsAsciiLetterOrDigit(iri[at - 1]) || iri[at - 1] is '_' or '-' or '.'))
        {
            at--;
        }

        while (at < iri.Length && !(char.IsAsciiLetter(iri[at]) || iri[at] == '_'))
        {
            at++;
        }

        return at == 0 || at >= iri.Length
            ? throw new InvalidOperationException($"The property <{iri}> cannot be written in RDF/XML.")
            : (iri[..at], iri[at..]);
    }
}
