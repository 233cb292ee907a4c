namespace TrainingApi.Features.MaterialsHandover.OpenData.Rdf;

/// <summary>The namespaces DCAT-AP uses, and the prefixes every serialisation declares for them.</summary>
public static class Vocabulary
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rdfs = "http://www.w3.org/2000/01/rdf-schema#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Dcat = "http://www.w3.org/ns/dcat#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Foaf = "http://xmlns.com/foaf/0.1/";
    public const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Spdx = "http://spdx.org/rdf/terms#";
    public const string Adms = "http://www.w3.org/ns/adms#";
    public const string Hydra = "http://www.w3.org/ns/hydra/core#";
    public const string DcatAp = "http://data.europa.eu/r5r/";
    public const string Eu = "http://publications.europa.eu/resource/authority/";

    public static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>
    {
        ["rdf"] = Rdf, ["rdfs"] = Rdfs, ["xsd"] = Xsd, ["dcat"] = Dcat, ["dct"] = Dct, ["foaf"] = Foaf, ["vcard"] = Vcard,
        ["skos"] = Skos, ["spdx"] = Spdx, ["adms"] = Adms, ["hydra"] = Hydra, ["dcatap"] = DcatAp,
    };
}
