using System.Text;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// A validator's .NET regular expression as an ECMA-262 one (what JSON Schema's <c>pattern</c> is) that accepts the same strings,
/// or null when the expression uses what the two read differently and this cannot rewrite. Both search (an unanchored
/// expression matches anywhere), so anchors are kept as written, except that .NET's <c>$</c> also matches before a final
/// newline, which ECMA-262 writes as <c>\n?$</c>, and .NET's <c>.</c> excludes only <c>\n</c>. Character-class shorthands
/// (<c>\d</c>, <c>\w</c>, <c>\s</c>, <c>\b</c>) are Unicode-wide in .NET and ASCII or differently wide in ECMA-262: an
/// expression that uses them has no equivalent here and is left out of the schema (a test names it).
/// </summary>
public static class EcmaPattern
{
    /// <summary>Escapes that mean one character in both dialects (with or without ECMA-262's <c>u</c> flag); <c>\-</c> only in a class.</summary>
    private const string Literals = @"\.^$|?*+()[]{}/nrtfv";

    public static string? From(string dotnet)
    {
        var ecma = new StringBuilder(dotnet.Length + 8);
        var inClass = false;
        for (var i = 0; i < dotnet.Length; i++)
        {
            var c = dotnet[i];
            switch (c)
            {
                case '\\' when i + 5 < dotnet.Length && dotnet[i + 1] == 'u' && dotnet.Substring(i + 2, 4).All(char.IsAsciiHexDigit):
                    // A UTF-16 code unit by number, the same in both.
                    ecma.Append(dotnet, i, 6);
                    i += 5;
                    break;
                case '\\':
                    if (i + 1 >= dotnet.Length || !(Literals.Contains(dotnet[i + 1], StringComparison.Ordinal) || (inClass && dotnet[i + 1] == '-')))
                    {
                        return null;
                    }

                    ecma.Append(c).Append(dotnet[++i]);
                    break;
                case '[' when !inClass:
                    inClass = true;
                    ecma.Append(c);
                    if (i + 1 < dotnet.Length && dotnet[i + 1] == '^')
                    {
                        ecma.Append(dotnet[++i]);
                    }

                    // A ']' first in a class is a literal in .NET and closes an empty class in ECMA-262.
                    if (i + 1 < dotnet.Length && dotnet[i + 1] == ']')
                    {
                        return null;
                    }

                    break;
                case '[' when inClass:
                    // .NET's class subtraction ([a-z-[aeiou]]) or a literal '[': ECMA-262 has no subtraction.
                    return null;
                case ']' when inClass:
                    inClass = false;
                    ecma.Append(c);
                    break;
                case '$' when !inClass:
                    ecma.Append(i == dotnet.Length - 1 ? @"\n?$" : @"(?=\n?$)");
                    break;
                case '.' when !inClass:
                    ecma.Append(@"[^\n]");
                    break;
                case '(' when !inClass && i + 1 < dotnet.Length && dotnet[i + 1] == '?':
                    // Non-capturing and named groups and lookaheads read alike; inline options, atomic groups and comments do not.
                    if (!(i + 2 < dotnet.Length && (dotnet[i + 2] is ':' or '=' or '!' || (dotnet[i + 2] == '<' && i + 3 < dotnet.Length && char.IsAsciiLetter(dotnet[i + 3])))))
                    {
                        return null;
                    }

                    ecma.Append(c);
                    break;
                default:
                    ecma.Append(c);
                    break;
            }
        }

        return inClass ? null : ecma.ToString();
    }
}
