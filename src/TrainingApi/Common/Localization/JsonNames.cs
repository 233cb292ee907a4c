using System.Text.Json;

namespace TrainingApi.Common.Localization;

public static class JsonNames
{
    /// <summary>Turns a property path such as <c>Participants[0].Email</c> into <c>participants[0].email</c>.</summary>
    public static string CamelCase(string path) =>
        string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
