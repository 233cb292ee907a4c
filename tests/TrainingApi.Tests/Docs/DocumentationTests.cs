using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrainingApi.Tests.Docs;

/// <summary>
/// No stale statements in the documentation: every relative link in a Markdown file leads to a file (and heading) that
/// exists; every repository path in a fenced shell block exists; every command of the API's binary quoted there is one it
/// has; every API call quoted in a fenced block or as inline code (<c>GET /api/v1/…</c>) is an operation of the contract;
/// every repository path quoted as inline code exists; and the architecture tree names only types that exist and every folder
/// of <c>Common/</c> and <c>Features/</c>.
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
        var text = Regex.Replace(WithoutFencedBlocksKeepingLines(File.ReadAllText(Path.Combine(Root, file))), "`[^`\n]+`", "");
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups["target"].Value;
            var at = $"{file}:{text[..link.Index].Count(c => c == '\n') + 1}: {link.Value}";
            if (Regex.IsMatch(target, "^[a-z]+:", RegexOptions.IgnoreCase))
            {
                continue; // http(s), mailto: checked by nobody here
            }

            var (path, anchor) = target.Split('#', 2) is [var p, var a] ? (p, a) : (target, null);
            var full = path.Length == 0 ? Path.Combine(Root, file) : Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                broken.Add($"{at}: no such file");
            }
            else if (anchor is not null && full.EndsWith(".md", StringComparison.Ordinal) && !Headings(File.ReadAllText(full)).Contains(anchor))
            {
                broken.Add($"{at}: no such heading");
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
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
            var firstLine = text[..block.Index].Count(c => c == '\n') + 2;
            if (language is "bash" or "sh" or "shell" or "console")
            {
                var lines = body.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    var line = Regex.Replace(lines[i], @"(^|\s)#.*$", "");
                    stale.AddRange(StalePaths(line).Concat(StaleCommands(line)).Select(s => $"{file}:{firstLine + i}: {s} (line: {lines[i].Trim()})"));
                }
            }

            if (language is "bash" or "sh" or "shell" or "console" or "http" or "")
            {
                stale.AddRange(StaleApiCalls(body).Select(s => $"{file}: the block at line {firstLine - 1}: {s}"));
            }
        }

        var prose = WithoutFencedBlocksKeepingLines(text).Split('\n');
        for (var i = 0; i < prose.Length; i++)
        {
            stale.AddRange(StaleApiCalls(string.Join("\n", InlineCode().Matches(prose[i]).Select(m => m.Groups["code"].Value)))
                .Select(s => $"{file}:{i + 1}: {s}"));
        }

        Assert.True(stale.Count == 0, string.Join("\n", stale.Distinct()));
    }

    /// <summary>The pages whose inline code names repository paths: the README, docs/ and every README under src/.</summary>
    public static TheoryData<string> ProsePages()
    {
        var data = new TheoryData<string>();
        foreach (var file in MarkdownFiles().Cast<object[]>().Select(row => (string)row[0])
                     .Where(f => f == "README.md" || Regex.IsMatch(f, @"^docs/[^/]+\.md$") || Regex.IsMatch(f, @"^src/.*README\.md$")))
        {
            data.Add(file);
        }

        return data;
    }

    /// <summary>
    /// An inline code span is a repository path when it has no spaces, wildcards or placeholders and either contains a
    /// <c>/</c> whose first segment is a folder in one of the bases, or is a bare file name ending in .cs, .md, .sh, .ttl or
    /// .props. The bases, in the order the docs use them: the repository root, the page's own folder, <c>src/TrainingApi/</c>
    /// (<c>Common/Http/…</c>) and <c>tests/TrainingApi.Tests/</c> (<c>Common/OpenApi/…Tests</c>). A path resolves when a
    /// file or folder exists at it, or a C# file at it plus <c>.cs</c> (a type named by its folder: <c>Common/UseCases/UseCaseRunner</c>);
    /// a bare file name resolves when a file of that name exists anywhere in the repository. Media types and paths inside
    /// exported bundles (<c>application/json</c>, <c>tables/moduly.csv</c>, <c>release.json</c>) are therefore not checked;
    /// build and run outputs (<c>bin/</c>, <c>obj/</c>, <c>.local/</c>, <c>dist</c>, <c>node_modules</c>) are checked up to
    /// the folder that makes them.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProsePages))]
    public void Every_repository_path_quoted_as_inline_code_exists(string file)
    {
        string[] bases = ["", Path.GetDirectoryName(file)!.Replace('\\', '/'), "src/TrainingApi", "tests/TrainingApi.Tests"];
        var lines = WithoutFencedBlocksKeepingLines(File.ReadAllText(Path.Combine(Root, file))).Split('\n');
        var stale = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match m in InlineCode().Matches(lines[i]))
            {
                var span = m.Groups["code"].Value.Trim();
                if (ExamplesToCreate.Contains(span) || !Regex.IsMatch(span, @"^[\w.][\w./+#-]*$") || span.Contains("://"))
                {
                    continue;
                }

                var path = span.Split('#')[0];
                var output = Regex.Match(path, @"(^|/)(bin|obj|\.local|dist|node_modules)(/|$)");
                path = (output.Success ? path[..output.Index] : path).TrimEnd('/');
                if (path.Length == 0)
                {
                    continue; // a run output named on its own (`.local/`): made by the first run
                }

                bool resolves;
                if (!path.Contains('/'))
                {
                    if (!Regex.IsMatch(path, @"\.(cs|md|sh|ttl|props)$"))
                    {
                        continue;
                    }

                    resolves = RepositoryFileNames.Value.Contains(path);
                }
                else
                {
                    var first = path.Split('/')[0];
                    var candidates = bases.Where(b => Directory.Exists(Path.Combine(Root, b, first))).ToList();
                    if (candidates.Count == 0)
                    {
                        continue;
                    }

                    resolves = candidates.Any(b => Path.Combine(Root, b, path) is var full
                        && (File.Exists(full) || Directory.Exists(full) || File.Exists(full + ".cs")));
                }

                if (!resolves)
                {
                    stale.Add($"{file}:{i + 1}: `{span}` names no file or folder (tried the repository root, {string.Join(", ", bases.Skip(1))})");
                }
            }
        }

        Assert.True(stale.Count == 0, string.Join("\n", stale));
    }

    /// <summary>
    /// Paths named as what is still to be made: the files the "How to add a use case" walk-through has a reader create, and
    /// the folders the layout decision in docs/architecture.md moves files to.
    /// </summary>
    private static readonly HashSet<string> ExamplesToCreate =
    [
        "Features/PilotEnrollment/Recruitments/CloseRecruitmentEarly.cs",
        "tests/TrainingApi.Tests/Features/PilotEnrollment/Recruitments/CloseRecruitmentEarlyTests.cs",
        "Common/Formats/",
        "Features/Curriculum/Programmes/",
        "tests/TrainingApi.Tests/Features/Curriculum/Programmes/",
    ];

    private static readonly Lazy<HashSet<string>> RepositoryFileNames = new(() =>
        [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !Regex.IsMatch(Path.GetRelativePath(Root, f).Replace('\\', '/'), @"(^|/)(node_modules|bin|obj|\.git)/"))
            .Select(f => Path.GetFileName(f))]);

    /// <summary>
    /// The tree at the top of docs/architecture.md: every CamelCase name on its lines (<c>UseCaseRunner</c>,
    /// <c>IPersonalDataHolder</c>, <c>ExpectVersionAsync</c>) is a C# file, a type or a member declared under src/, and every
    /// folder directly under <c>src/TrainingApi/Common/</c> and <c>src/TrainingApi/Features/</c> appears in it as <c>Name/</c>.
    /// </summary>
    [Fact]
    public void The_architecture_tree_names_what_exists_and_every_folder()
    {
        const string page = "docs/architecture.md";
        var text = File.ReadAllText(Path.Combine(Root, page));
        var tree = FencedBlock().Matches(text).First(b => b.Groups["body"].Value.StartsWith("src/TrainingApi/", StringComparison.Ordinal));
        var firstLine = text[..tree.Index].Count(c => c == '\n') + 2;
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Regex.IsMatch(f, @"[\\/](bin|obj)[\\/]")).ToList();
        var fileNames = sources.Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal);
        var folderNames = Directory.EnumerateDirectories(Path.Combine(Root, "src"), "*", SearchOption.AllDirectories)
            .Select(d => Path.GetFileName(d)).ToHashSet(StringComparer.Ordinal);
        var code = string.Join("\n", sources.Select(f => File.ReadAllText(f)));
        var stale = new List<string>();
        var lines = tree.Groups["body"].Value.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // Placeholders (<Feature>, <UseCase>, the T of IAccessRule<T>) name nothing.
            var line = Regex.Replace(lines[i], @"<[A-Za-z]+>", " ");
            foreach (Match m in TypeLikeName().Matches(line))
            {
                var name = m.Value;
                var isFolder = line.Length > m.Index + name.Length && line[m.Index + name.Length] == '/';
                if (ProductNames.Contains(name) || (isFolder ? folderNames.Contains(name) : fileNames.Contains(name) || fileNames.Contains(name + "Attribute"))
                    || (!isFolder && Regex.IsMatch(code, $@"\b(class|record|interface|struct|enum)\s+{name}\b|[\w>\]?]\s+{name}\s*[<(]")))
                {
                    continue;
                }

                stale.Add($"{page}:{firstLine + i}: {name} is no file, type or member under src/ (line: {lines[i].Trim()})");
            }
        }

        foreach (var parent in new[] { "Common", "Features" })
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.Combine(Root, "src/TrainingApi", parent)).Select(d => Path.GetFileName(d)))
            {
                if (!Regex.IsMatch(tree.Groups["body"].Value, $@"(^|[\s,(]){Regex.Escape(folder!)}/"))
                {
                    stale.Add($"{page}: the tree does not show src/TrainingApi/{parent}/{folder}/");
                }
            }
        }

        Assert.True(stale.Count == 0, string.Join("\n", stale));
    }

    /// <summary>Names of products and standards, not of this code.</summary>
    private static readonly HashSet<string> ProductNames = ["OpenTelemetry", "PostgreSQL", "OpenApi", "TrainingApi", "OpenID", "JavaScript", "TypeScript"];

    private static string WithoutFencedBlocksKeepingLines(string markdown) =>
        FencedBlock().Replace(markdown, m => new string('\n', m.Value.Count(c => c == '\n')));

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

    [GeneratedRegex(@"\b(?:I[A-Z][a-z]\w*|[A-Z][a-z0-9]+[A-Z]\w*)")]
    private static partial Regex TypeLikeName();

    [GeneratedRegex(@"(?:TrainingApi\.dll|--project\s+src/TrainingApi\s+--)\s+(?<command>[a-z][a-z-]*)")]
    private static partial Regex ApiCommand();

    [GeneratedRegex(@"(?:\b(?<method>GET|POST|PUT|PATCH|DELETE|HEAD)\s+(?:\S*?))?(?<path>/api/v1/[^\s""'?#`)\][]*)")]
    private static partial Regex ApiCall();
}
