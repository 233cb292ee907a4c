namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>Licence identifiers (SPDX, as releases record them) as the URIs open-data catalogues expect.</summary>
public static class LicenceUris
{
    /// <summary>The EU licence vocabulary (publications.europa.eu authority table), which DCAT-AP recommends and portals recognise.</summary>
    private static readonly Dictionary<string, string> EuVocabulary = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CC-BY-4.0"] = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
        ["CC-BY-SA-4.0"] = "http://publications.europa.eu/resource/authority/licence/CC_BYSA_4_0",
        ["CC-BY-NC-4.0"] = "http://publications.europa.eu/resource/authority/licence/CC_BYNC_4_0",
        ["CC-BY-ND-4.0"] = "http://publications.europa.eu/resource/authority/licence/CC_BYND_4_0",
        ["CC0-1.0"] = "http://publications.europa.eu/resource/authority/licence/CC0",
    };

    public static string Of(string spdxId, OpenDataOptions options) =>
        options.Licences.TryGetValue(spdxId, out var configured) ? configured
        : EuVocabulary.TryGetValue(spdxId, out var eu) ? eu
        : $"https://spdx.org/licenses/{Uri.EscapeDataString(spdxId)}.html";
}
