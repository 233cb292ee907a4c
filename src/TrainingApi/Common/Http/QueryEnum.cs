using System.Text.Json;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Http;

/// <summary>
/// Reads an enum from the query string in the same kebab-case the JSON uses (`?kind=national-association`);
/// minimal APIs alone would accept only the C# member name.
/// </summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value, string parameter) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var member in Enum.GetValues<T>())
        {
            if (Name(member) == value)
            {
                return member;
            }
        }

        var allowed = string.Join(", ", Enum.GetValues<T>().Select(Name));
        throw Problem.Validation(parameter, new Text($"Use one of: {allowed}.", $"Użyj jednej z wartości: {allowed}."));
    }

    public static string Name<T>(T member) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(member.ToString());
}
