using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using Json.Schema;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Citations;

/// <summary>A published release to cite, and the official schemas and a BibTeX reader to check its citations with.</summary>
public static partial class CitationChecks
{
    public sealed record Published(CatalogueRelease Release, string ProgrammeTitle, Guid VersionId);

    /// <summary>A tested programme version published as <paramref name="semver"/>, as the catalogue shows it, with its programme's title.</summary>
    public static async Task<Published> PublishAsync(HandoverSteps steps, string semver = "1.0.0", Guid? versionId = null)
    {
        var version = versionId ?? (await steps.TestedVersionAsync(modules: 1, units: 1)).Version.Id;
        var published = await steps.PublishAsync((await steps.DraftAsync(version, semver)).Id);
        var anyone = steps.Api.CreateClient();
        var release = await (await anyone.GetAsync($"/api/v1/catalogue/releases/{published.Id}")).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK);
        var json = JsonNode.Parse(await anyone.GetByteArrayAsync($"/api/v1/catalogue/releases/{published.Id}/files/json"))!;
        return new Published(release, json["programme"]!["title"]!.GetValue<string>(), version);
    }

    /// <summary>csl-data.json as the Citation Style Language project publishes it (Schemas/csl, with its SOURCE.md).</summary>
    private static readonly Lazy<JsonSchema> Csl = new(() => JsonSchema.FromText(File.ReadAllText(Fixture("csl", "csl-data.json"))));

    public static List<string> CslErrors(JsonElement items)
    {
        var results = Csl.Value.Evaluate(items, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }

    /// <summary>The DataCite Metadata Kernel 4.5 XSD as DataCite publishes it (Schemas/datacite-4.5, with its SOURCE.md).</summary>
    private static readonly Lazy<XmlSchemaSet> DataCite = new(() =>
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(Fixture("datacite-4.5", "metadata.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }))
        {
            schemas.Add(null, reader);
        }

        schemas.Compile();
        return schemas;
    });

    public static List<string> DataCiteErrors(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = DataCite.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var validating = XmlReader.Create(new MemoryStream(xml), settings);
        while (validating.Read())
        {
        }

        return errors;
    }

    /// <summary>
    /// One BibTeX entry read as BibTeX reads it: <c>@type{key,</c>, then <c>name = {…}</c>, <c>name = "…"</c> or <c>name = macro</c>
    /// separated by commas, braces counted in every value (escaped or not, as BibTeX counts them). Throws on anything else.
    /// </summary>
    public static (string Type, string Key, Dictionary<string, string> Fields) ParseBibTex(string text)
    {
        var head = EntryHead().Match(text);
        Assert.True(head.Success, "no @type{key, at the start: " + text);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = head.Length;
        while (true)
        {
            i = SkipSpace(text, i);
            Assert.True(i < text.Length, "the entry never closes");
            if (text[i] == '}')
            {
                Assert.True(string.IsNullOrWhiteSpace(text[(i + 1)..]), "text after the entry: " + text[(i + 1)..]);
                return (head.Groups[1].Value, head.Groups[2].Value, fields);
            }

            var name = FieldName().Match(text, i);
            Assert.True(name.Success && name.Index == i, $"no field name at {i}: {text[i..Math.Min(text.Length, i + 30)]}");
            i = SkipSpace(text, i + name.Length);
            Assert.Equal('=', text[i]);
            i = SkipSpace(text, i + 1);
            string value;
            if (text[i] == '{')
            {
                var depth = 0;
                var start = i + 1;
                for (; i < text.Length; i++)
                {
                    depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
                    if (depth == 0)
                    {
                        break;
                    }
                }

                Assert.True(i < text.Length, $"the braces of {name.Value} do not balance");
                value = text[start..i];
                i++;
            }
            else
            {
                var macro = FieldName().Match(text, i);
                Assert.True(macro.Success && macro.Index == i, $"{name.Value} has neither a braced value nor a macro");
                value = macro.Value;
                i += macro.Length;
            }

            Assert.True(fields.TryAdd(name.Value, value), $"{name.Value} twice");
            i = SkipSpace(text, i);
            if (text[i] == ',')
            {
                i++;
            }
        }
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    [GeneratedRegex(@"^\s*@([a-zA-Z]+)\{([A-Za-z0-9_:.\-]+),")]
    private static partial Regex EntryHead();

    [GeneratedRegex("[A-Za-z][A-Za-z0-9_-]*")]
    private static partial Regex FieldName();

    private static string Fixture(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "Features", "MaterialsHandover", "Schemas", folder, file);
}
