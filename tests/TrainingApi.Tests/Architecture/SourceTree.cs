using System.Text;

namespace TrainingApi.Tests.Architecture;

/// <summary>
/// The API's source as the rules read it: relative path (with '/') → text. Rules are pure functions of this (and of the
/// model or types they are given), so a test can hand one a copy with a violation put in and see it reported.
/// </summary>
public static class SourceTree
{
    public const string Api = "src/TrainingApi/";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Real = new(Load);

    /// <summary>Every hand-written or generated .cs file of the API (bin/ and obj/ left out).</summary>
    public static IReadOnlyDictionary<string, string> OfTheApi => Real.Value;

    /// <summary>The real tree with one file replaced or added.</summary>
    public static IReadOnlyDictionary<string, string> With(string path, string text) =>
        new Dictionary<string, string>(OfTheApi) { [path] = text };

    /// <summary>The real tree with text appended to an existing file.</summary>
    public static IReadOnlyDictionary<string, string> WithAppended(string path, string text) => With(path, OfTheApi[path] + "\n" + text);

    private static Dictionary<string, string> Load()
    {
        var root = OpenApiRoot();
        var api = Path.Combine(root, "src", "TrainingApi");
        return Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(file => !file.StartsWith(Api + "bin/", StringComparison.Ordinal) && !file.StartsWith(Api + "obj/", StringComparison.Ordinal))
            .ToDictionary(file => file, file => File.ReadAllText(Path.Combine(root, file)));
    }

    private static string OpenApiRoot() => TrainingApi.Tests.Common.OpenApiContractTests.RepositoryRoot();

    /// <summary>The code without comments (<c>//</c>, <c>///</c>, <c>/* */</c>); string literals stay, for rules about SQL.</summary>
    public static string WithoutComments(string code) => Strip(code, keepStrings: true);

    /// <summary>The code without comments and without the content of string and character literals, for rules about names.</summary>
    public static string CodeOnly(string code) => Strip(code, keepStrings: false);

    /// <summary>
    /// A small C# lexer: enough to tell comments, strings (regular, verbatim, raw, interpolated with their holes) and
    /// characters from code. Line breaks are kept so that what is left still reads line by line.
    /// </summary>
    private static string Strip(string code, bool keepStrings)
    {
        var output = new StringBuilder(code.Length);
        var i = 0;
        ReadCode(code, ref i, output, keepStrings, untilBrace: false);
        return output.ToString();
    }

    private static void ReadCode(string s, ref int i, StringBuilder output, bool keepStrings, bool untilBrace)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1) == '/')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(s, i + 1) == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? s.Length : end + 2;
                output.Append('\n', s.AsSpan(i, end - i).Count('\n'));
                i = end;
            }
            else if (c == '"' || ((c == '$' || c == '@') && StringStartsAt(s, i)))
            {
                ReadString(s, ref i, output, keepStrings);
            }
            else if (c == '\'')
            {
                var start = i++;
                while (i < s.Length && s[i] != '\'' && s[i] != '\n')
                {
                    i += s[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i + 1, s.Length);
                output.Append(keepStrings ? s[start..i] : "' '");
            }
            else if (untilBrace && c == '{')
            {
                depth++;
                output.Append(c);
                i++;
            }
            else if (untilBrace && c == '}')
            {
                if (depth == 0)
                {
                    return;
                }

                depth--;
                output.Append(c);
                i++;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }
    }

    private static bool StringStartsAt(string s, int i)
    {
        var j = i;
        while (j < s.Length && (s[j] == '$' || s[j] == '@'))
        {
            j++;
        }

        return j > i && j < s.Length && s[j] == '"' && (i == 0 || !char.IsLetterOrDigit(s[i - 1]));
    }

    private static void ReadString(string s, ref int i, StringBuilder output, bool keepStrings)
    {
        var start = i;
        var dollars = 0;
        var verbatim = false;
        while (s[i] == '$' || s[i] == '@')
        {
            dollars += s[i] == '$' ? 1 : 0;
            verbatim |= s[i] == '@';
            i++;
        }

        var quotes = 0;
        while (i + quotes < s.Length && s[i + quotes] == '"')
        {
            quotes++;
        }

        var raw = quotes >= 3;
        if (!raw)
        {
            // "" is an empty string, not the start of a raw one.
            quotes = 1;
        }

        output.Append(s, start, i - start).Append('"', quotes);
        i += quotes;
        var content = new StringBuilder();
        var closer = new string('"', quotes);
        while (i < s.Length)
        {
            if (raw ? string.CompareOrdinal(s, i, closer, 0, quotes) == 0 : s[i] == '"')
            {
                if (!raw && verbatim && At(s, i + 1) == '"')
                {
                    content.Append("\"\"");
                    i += 2;
                    continue;
                }

                i += quotes;
                break;
            }

            if (!raw && !verbatim && s[i] == '\\')
            {
                content.Append(s, i, Math.Min(2, s.Length - i));
                i += 2;
                continue;
            }

            if (dollars > 0 && s[i] == '{')
            {
                if (!raw && At(s, i + 1) == '{')
                {
                    content.Append("{{");
                    i += 2;
                    continue;
                }

                // A hole: code again, up to its closing brace.
                content.Append('{');
                i++;
                ReadCode(s, ref i, content, keepStrings, untilBrace: true);
                content.Append('}');
                i++;
                continue;
            }

            content.Append(s[i]);
            i++;
        }

        output.Append(keepStrings ? content.ToString() : new string('\n', content.ToString().Count(ch => ch == '\n'))).Append(closer);
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';
}
