using System.Text.RegularExpressions;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>
/// Names of assets: lower-case letters, digits and hyphens, then the extension of the format the bytes are
/// (<c>schemat-sieci.png</c>), so that a name is a safe path segment in every package and on every server.
/// </summary>
public static partial class AssetNames
{
    public const int MaxLength = 100;

    public const string Pattern = "^[a-z0-9](?:[a-z0-9-]{0,90}[a-z0-9])?\\.(?:png|jpg|jpeg|webp|svg|pdf|docx|xlsx|odt|ods)$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Valid();

    public static bool IsValid(string? name) => name is not null && Valid().IsMatch(name);

    public static string Extension(string name) => name[(name.LastIndexOf('.') + 1)..];
}
