using System.Text.Json;

namespace TrainingApi.Features.MaterialsHandover.OpenData.Rdf;

/// <summary>
/// JSON-LD 1.1 in flattened form: a <c>@context</c> of the prefixes and a <c>@graph</c> with one node object per subject.
/// Properties and types use prefixed names (compact IRIs); node identifiers are always absolute IRIs, so nothing depends on a
/// base; every value is an explicit value or node object, so no term definition can change what it means.
/// </summary>
public static class JsonLdWriter
{
    public const string MediaType = "application/ld+json";

    public static byte[] Write(RdfGraph graph)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("@context");
            foreach (var (prefix, ns) in graph.Prefixes)
            {
                json.WriteString(prefix, ns);
            }

            json.WriteEndObject();
            json.WriteStartArray("@graph");
            foreach (var (subject, properties) in graph.BySubject())
            {
                json.WriteStartObject();
                json.WriteString("@id", subject.Value);
                foreach (var (predicate, objects) in properties)
                {
                    if (predicate.Value == Vocabulary.Rdf + "type" && objects.All(o => o is Iri))
                    {
                        json.WriteStartArray("@type");
                        foreach (var type in objects)
                        {
                            json.WriteStringValue(Name(graph, ((Iri)type).Value));
                        }

                        json.WriteEndArray();
                        continue;
                    }

                    json.WriteStartArray(Name(graph, predicate.Value));
                    foreach (var value in objects)
                    {
                        WriteValue(json, value);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string Name(RdfGraph graph, string iri) => graph.Compact(iri) is { } name ? $"{name.Prefix}:{name.Local}" : iri;

    private static void WriteValue(Utf8JsonWriter json, RdfTerm value)
    {
        json.WriteStartObject();
        switch (value)
        {
            case Iri iri:
                json.WriteString("@id", iri.Value);
                break;
            case Literal literal:
                json.WriteString("@value", literal.Value);
                if (literal.Language is { } language)
                {
                    json.WriteString("@language", language);
                }
                else if (literal.Datatype is { } datatype)
                {
                    json.WriteString("@type", datatype);
                }

                break;
        }

        json.WriteEndObject();
    }
}
