using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrainingApi.Tests.Docs;

/// <summary>
/// No stale statements in the documentation: every relative link in a Markdown file leads to a file (and heading) that
/// exists; every repository path in a fenced shell block exists; every command of the API's binary quoted there is one it
/// has; and every API call quoted in a fenced block or as inline code (<c>GET /api/v1/…</c>) is an operation of the contract.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string Root = FindRoot();
    private static readonly string[] Commands = ReadCommands();
    private static readonly Dictionary<string, HashSet<string>> Operations = ReadOperations();

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
                     .Where(f => !Regex.IsMatch(f, @"(^|/)(node_modules|bin|obj|\.local|TestResults|\.git)/"))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void The_readme_stays_short_and_the_pages_it_promises_exist()
    {
        Assert.InRange(new FileInfo(Path.Combine(Root, "README.md")).Length, 1, 12 * 1024 - 1);
        foreach (var page in new[] { "partner-integration", "frontend-guide", "operations", "architecture", "configuration" })
        {
            Assert.True(File.Exists(Path.Combine(Root, "docs", page + ".md")), $"docs/{page}.md is missing");
        }
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_leads_to_an_existing_file_and_heading(string file)
    {
        // Code spans show Markdown as written (an example link to `assets/…` in a section), not links of this page.
        var text = Regex.Replace(WithoutFencedBlocks(File.ReadAllText(Path.Combine(Root, file))), "`[^`\n]+`", "");
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups["target"].Value;
            if (Regex.IsMatch(target, "^[a-z]+:", RegexOptions.IgnoreCase))
            {
                continue; // http(s), mailto: checked by nobody here
            }

            var (path, anchor) = target.Split('#', 2) is [var p, var a] ? (p, a) : (target, null);
            var full = path.Length == 0 ? Path.Combine(Root, file) : Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                broken.Add($"{target}: no such file");
            }
            else if (anchor is not null && full.EndsWith(".md", StringComparison.Ordinal) && !Headings(File.ReadAllText(full)).Contains(anchor))
            {
                broken.Add($"{target}: no such heading");
            }
        }

        Assert.True(broken.Count == 0, $"{file}: " + string.Join("; ", broken));
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_path_command_and_api_call_quoted_still_exists(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        var stale = new List<string>();
        foreach (Match block in FencedBlock().Matches(text))
        {
            var language = block.Groups["lang"].Value;
            var body = block.Groups["body"].Value;
            if (language is "bash" or "sh" or "shell" or "console")
            {
                foreach (var line in body.Split('\n').Select(l => Regex.Replace(l, @"(^|\s)#.*$", "")))
                {
                    stale.AddRange(StalePaths(line));
                    stale.AddRange(StaleCommands(line));
                }
            }

            if (language is "bash" or "sh" or "shell" or "console" or "http" or "")
            {
                stale.AddRange(StaleApiCalls(body));
            }
        }

        stale.AddRange(StaleApiCalls(string.Join("\n", InlineCode().Matches(WithoutFencedBlocks(text)).Select(m => m.Groups["code"].Value))));
        Assert.True(stale.Count == 0, $"{file}: " + string.Join("; ", stale.Distinct()));
    }

    private static IEnumerable<string> StalePaths(string line)
    {
        foreach (Match m in RepositoryPath().Matches(line))
        {
            var path = m.Value.TrimEnd('.', ',', ';', ':', ')', '`', '"', '\'');
            // Build outputs and generated files: their project must exist.
            var cut = Regex.Match(path, "/(bin|obj|node_modules|generated)/");
            var check = cut.Success ? path[..cut.Index] : path;
            if (!File.Exists(Path.Combine(Root, check)) && !Directory.Exists(Path.Combine(Root, check)))
            {
                yield return $"{path}: no such file";
            }
        }
    }

    private static IEnumerable<string> StaleCommands(string line)
    {
        foreach (Match m in ApiCommand().Matches(line))
        {
            var command = m.Groups["command"].Value;
            if (!Commands.Contains(command))
            {
                yield return $"`{m.Value.Trim()}`: the API has no command '{command}' (it has {string.Join(", ", Commands)})";
            }
        }
    }

    private static IEnumerable<string> StaleApiCalls(string text)
    {
        foreach (Match m in ApiCall().Matches(text))
        {
            var method = m.Groups["method"].Success ? m.Groups["method"].Value.ToLowerInvariant() : null;
            var path = m.Groups["path"].Value.TrimEnd('.', ',', ';', ':', ')', '`', '"', '\'', '/');
            var matching = Operations.Where(o => Matches(o.Key, path)).ToList();
            if (matching.Count == 0)
            {
                yield return $"{path}: no such path in api-spec/openapi.json";
            }
            else if (method is not null && !matching.Any(o => o.Value.Contains(method)))
            {
                yield return $"{method.ToUpperInvariant()} {path}: no such operation in api-spec/openapi.json";
            }
        }
    }

    /// <summary>A quoted path matches a contract path when every segment is equal, a template, or a placeholder (<c>{id}</c>, <c>$ID</c>, <c>…</c>).</summary>
    private static bool Matches(string template, string quoted)
    {
        var t = template.Trim('/').Split('/');
        var q = quoted.Trim('/').Split('/');
        if (q.Length > 0 && q[^1].Contains('…'))
        {
            return t.Length >= q.Length - 1 && t.Take(q.Length - 1).Zip(q).All(p => Segment(p.First, p.Second));
        }

        return t.Length == q.Length && t.Zip(q).All(p => Segment(p.First, p.Second));
    }

    private static bool Segment(string template, string quoted) =>
        template == quoted || (template.StartsWith('{') && quoted.Length > 0)
        || quoted.Contains('{') || quoted.Contains('$') || quoted.Contains('…') || quoted.Contains('<')
        || (template.Contains('{') && template.Split('{')[0] is var prefix && quoted.StartsWith(prefix, StringComparison.Ordinal));

    private static HashSet<string> Headings(string markdown)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match h in Heading().Matches(WithoutFencedBlocks(markdown)))
        {
            // GitHub's rule: lower case, drop what is not a letter, digit, space, hyphen or underscore, spaces to hyphens.
            var slug = Regex.Replace(h.Groups["title"].Value.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", "").Replace(' ', '-');
            var unique = slug;
            for (var i = 1; !slugs.Add(unique); i++)
            {
                unique = $"{slug}-{i}";
            }
        }

        return slugs;
    }

    private static string WithoutFencedBlocks(string markdown) => FencedBlock().Replace(markdown, "");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrainingApi.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TrainingApi.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The API binary's commands, read from its command line's source (<c>case "migrate":</c>).</summary>
    private static string[] ReadCommands() =>
        [.. Regex.Matches(File.ReadAllText(Path.Combine(Root, "src/TrainingApi/Common/Startup/CommandLine.cs")), "case \"([a-z-]+)\":").Select(m => m.Groups[1].Value)];

    private static Dictionary<string, HashSet<string>> ReadOperations()
    {
        using var contract = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "api-spec/openapi.json")));
        return contract.RootElement.GetProperty("paths").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateObject().Select(o => o.Name).ToHashSet(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"(?<!!)\[[^\]\n]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^(?<fence>```|~~~)(?<lang>[\w-]*)[^\n]*\n(?<body>.*?)^\k<fence>\s*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"`(?<code>[^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?<![\w/.$-])(?:scripts|src|tests|tools|deploy|docs|benchmarks|api-spec|\.ci)/[\w./-]*")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"(?:TrainingApi\.dll|--project\s+src/TrainingApi\s+--)\s+(?<command>[a-z][a-z-]*)")]
    private static partial Regex ApiCommand();

    [GeneratedRegex(@"(?:\b(?<method>GET|POST|PUT|PATCH|DELETE|HEAD)\s+(?:\S*?))?(?<path>/api/v1/[^\s""'?#`)\][]*)")]
    private static partial Regex ApiCall();
}
