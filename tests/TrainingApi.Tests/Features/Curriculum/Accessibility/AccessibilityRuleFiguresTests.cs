using System.Globalization;
using System.Text;
using TrainingApi.Features.Curriculum.Accessibility;

namespace TrainingApi.Tests.Features.Curriculum.Accessibility;

/// <summary>
/// Every rule measured on both corpora (<see cref="AccessibilityCorpus"/>, <see cref="AccessibilityRuleCorpus"/>): recall (expected
/// findings found, matched by rule and line) and false positives (findings no sample expects, clean texts included), every sample
/// checked as a section of a version with <see cref="AccessibilityRuleCorpus.VersionAssets"/>. The test fails
/// below the floors, and when the table published in docs/curriculum.md is not the one measured.
/// </summary>
public sealed class AccessibilityRuleFiguresTests
{
    /// <summary>Each rule finds at least this share of what the corpus expects of it.</summary>
    public const double RecallFloor = 0.75;

    /// <summary>No error rule reports a finding the corpus does not expect (an error blocks a version).</summary>
    public const int ErrorFalsePositiveCeiling = 0;

    /// <summary>Warnings are advice; readability formulas on a few short sentences are noisy, and that noise is published, not hidden.</summary>
    public const int WarningFalsePositiveCeiling = 3;

    public sealed record Figures(string Rule, string Criterion, FindingSeverity Severity, int Expected, int Found, int FalsePositives, string Where)
    {
        public double Recall => Expected == 0 ? 1 : (double)Found / Expected;
    }

    public static IReadOnlyList<Figures> Measure()
    {
        var samples = AccessibilityCorpus.WithViolations.Concat(AccessibilityRuleCorpus.Samples)
            .Select(s => (s.Name, s.Markdown, Expected: s.Expected.Select(e => (e.Rule, e.Line)).ToList()))
            .Concat(AccessibilityCorpus.Clean.Concat(AccessibilityRuleCorpus.Clean).Select((markdown, i) => (Name: $"clean-{i}", Markdown: markdown, Expected: new List<(string Rule, int Line)>())))
            .ToList();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var falsePositives = new Dictionary<string, int>(StringComparer.Ordinal);
        var where = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, markdown, wanted) in samples)
        {
            var actual = AccessibilityChecker.Check("probka", markdown, 2, "pl", AccessibilityRuleCorpus.VersionAssets).Findings.Select(f => (f.Rule, f.Line)).ToList();
            foreach (var e in wanted)
            {
                expected[e.Rule] = expected.GetValueOrDefault(e.Rule) + 1;
                if (actual.Remove(e))
                {
                    found[e.Rule] = found.GetValueOrDefault(e.Rule) + 1;
                }
            }

            foreach (var extra in actual)
            {
                falsePositives[extra.Rule] = falsePositives.GetValueOrDefault(extra.Rule) + 1;
                (where.TryGetValue(extra.Rule, out var list) ? list : where[extra.Rule] = []).Add($"{name}@{extra.Line}");
            }
        }

        return [.. AccessibilityRules.Catalogue.Select(r => new Figures(r.Id, r.Criterion, r.Severity,
            expected.GetValueOrDefault(r.Id), found.GetValueOrDefault(r.Id), falsePositives.GetValueOrDefault(r.Id), string.Join(", ", where.GetValueOrDefault(r.Id) ?? [])))];
    }

    public static string Table(IReadOnlyList<Figures> figures)
    {
        var table = new StringBuilder();
        table.Append("| rule | WCAG 2.1 | severity | expected | found | recall | false positives |\n|---|---|---|---:|---:|---:|---:|\n");
        foreach (var f in figures)
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{f.Rule}` | {f.Criterion} | {(f.Severity == FindingSeverity.Error ? "error" : "warning")} | {f.Expected} | {f.Found} | {f.Recall:0.00} | {f.FalsePositives} |\n");
        }

        return table.ToString();
    }

    [Fact]
    public void Every_rule_is_measured_and_meets_its_floors()
    {
        var figures = Measure();

        Assert.All(figures, f => Assert.True(f.Expected >= 2, $"{f.Rule}: the corpus expects only {f.Expected} finding(s); a rule is measured on at least two."));
        Assert.All(figures, f => Assert.True(f.Recall >= RecallFloor, $"{f.Rule}: recall {f.Recall:0.00} below {RecallFloor:0.00}"));
        Assert.All(figures, f => Assert.True(f.FalsePositives <= (f.Severity == FindingSeverity.Error ? ErrorFalsePositiveCeiling : WarningFalsePositiveCeiling), $"{f.Rule}: {f.FalsePositives} false positive(s): {f.Where}"));
    }

    [Fact]
    public void The_table_in_the_docs_is_the_one_measured()
    {
        var docs = File.ReadAllText(Path.Combine(Common.OpenApiContractTests.RepositoryRoot(), "docs", "curriculum.md")).ReplaceLineEndings("\n");
        var table = Table(Measure());

        Assert.True(docs.Contains(table, StringComparison.Ordinal), "docs/curriculum.md should contain the measured table:\n" + table);
    }

    [Fact]
    public void Pisarek_index_follows_its_formula()
    {
        // x = 12 words a sentence, y = 25 % hard words: ½ × √(144 + 625) = 13.87 → 13.9.
        Assert.Equal(13.9, FogPl.Pisarek(12, 25));
    }
}
