namespace TrainingApi.Common.Persistence;

public static class LikePattern
{
    /// <summary>The escape character to pass to ILike with <see cref="Containing"/>.</summary>
    public const string Escape = "\\";

    /// <summary>A pattern matching the text anywhere, with %, _ and \ in it taken literally (a search for "100%" finds "100%").</summary>
    public static string Containing(string text) => "%" + Literal(text) + "%";

    /// <summary>A pattern matching text that starts with it (an index on the column can serve it).</summary>
    public static string StartingWith(string text) => Literal(text) + "%";

    /// <summary>The text itself, for a case-insensitive equality with ILike.</summary>
    public static string Exactly(string text) => Literal(text);

    private static string Literal(string text) =>
        text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
