using System.Text;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>
/// "Jak cytować": the citation as a reader writes it in a Polish document, in the author–date order Polish public bodies and
/// APA use: publisher as the author (so not repeated), year, title with its version, what it is, and the persistent address.
/// </summary>
public static class PolishCitation
{
    public const string MediaType = "text/plain; charset=utf-8";

    public static string Text(Citation citation) =>
        $"{Sentence(citation.Publisher)} ({citation.Year}). {citation.Title} (wersja {citation.SemanticVersion}) [{Citation.Kind}]. {citation.ReleaseUri}";

    public static byte[] Of(Citation citation) => Encoding.UTF8.GetBytes(Text(citation) + "\n");

    private static string Sentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";
}
