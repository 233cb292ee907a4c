using System.Text.Encodings.Web;
using System.Text.Json;
using TrainingApi.Common.Http;

namespace TrainingApi.Features.MaterialsHandover.Releases;

/// <summary>One way to write and read a release document, so its bytes never depend on where it was written.</summary>
public static class ReleaseJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(ReleaseDocument document) => JsonSerializer.Serialize(document, Options);

    public static ReleaseDocument Deserialize(string json) => JsonSerializer.Deserialize<ReleaseDocument>(json, Options)!;

    /// <summary>Indented UTF-8 with Polish letters as they are, LF line ends.</summary>
    public static byte[] Bytes(ReleaseDocument document) => System.Text.Encoding.UTF8.GetBytes(Serialize(document).ReplaceLineEndings("\n") + "\n");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        JsonSetup.Configure(options);
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        options.MakeReadOnly();
        return options;
    }
}
