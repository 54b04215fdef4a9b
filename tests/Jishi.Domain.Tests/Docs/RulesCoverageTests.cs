using System.Text;
using System.Text.RegularExpressions;

namespace Jishi.Domain.Tests.Docs;

/// <summary>
/// docs/rules-coverage.md, generated from the tests: each rule of RULES.md §0.3–0.4, §2.1–2.6 and §5 with the tests that
/// exercise it (a test exercises a rule when its body names the rule id). Fails when a BLOCK, BLOCK-EX or WARN rule of
/// those sections has no test, unless it is listed below as not yet enforced, with the reason — which the document shows.
/// </summary>
public sealed partial class RulesCoverageTests
{
    /// <summary>Gating rules the engine does not enforce yet, and why. Removing an entry requires tests for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotYetEnforced = new Dictionary<string, string>
    {
    };

    /// <summary>Gating rules that no refusal can break, because the system is built so: what makes them hold, and the
    /// rule ids whose tests exercise that.</summary>
    public static readonly IReadOnlyDictionary<string, (string How, string[] CoveredBy)> ByConstruction =
        new Dictionary<string, (string, string[])>
        {
            ["G-13-one-by-one"] = ("每次表决记录在一名发展对象（预备党员）的个案上，无法记录合并表决", ["R-19-quorum", "G-09-quorum"]),
            ["R-20-one-by-one"] = ("同 G-13：表决事件属于单个个案", ["R-19-quorum"]),
            ["G-18-audit"] = ("放行理由和例外记录随事件保存于只增不改、哈希链接的纪实记录中", ["R-07-talk-within-1-month", "R-17-training-required"]),
            ["R-22-approval-authority"] = ("审批时按 G-14 检查审批组织（拒绝编号 G-14-approval-authority）", ["G-14-approval-authority"]),
            ["R-24-approval-content"] = ("预备期起止日期由支部大会日期计算（R-31），不接受手工填写", ["R-31-probation-period"]),
        };

    [GeneratedRegex(@"\b(?:R-\d{2}(?:-\d{2})?|G-\d{2}|T-\d{2}|F-\d{2}|D-\d{2}|L-\d{2}|X-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"\[(?:Fact|Theory)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"(?:void|Task)\s+(\w+)\s*\(")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"\bclass\s+(\w+)")]
    private static partial Regex ClassName();

    public sealed record CatalogRule(string Id, string Section, string Level, bool Gating);

    [Fact]
    public void EveryGatingRule_OfTheCaseSections_HasATestOrIsListedAsNotYetEnforced()
    {
        var tests = TestsByRule();
        var uncovered = Catalog().Where(r => r.Gating && !tests.ContainsKey(r.Id) && !NotYetEnforced.ContainsKey(r.Id)
                && !(ByConstruction.TryGetValue(r.Id, out var c) && c.CoveredBy.All(tests.ContainsKey)))
            .Select(r => $"{r.Id} ({r.Level})").ToList();
        Assert.True(uncovered.Count == 0, "Rules without a test: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void RulesListedAsNotYetEnforced_HaveNoTests_AndExistInTheCatalog()
    {
        var tests = TestsByRule();
        var ids = Catalog().Select(r => r.Id).ToHashSet();
        foreach (var id in NotYetEnforced.Keys)
        {
            Assert.True(ids.Contains(id), $"{id} is not a rule of the catalog's case sections");
            Assert.False(tests.ContainsKey(id), $"{id} has tests now: remove it from NotYetEnforced");
        }
    }

    [Fact]
    public void CatalogParsing_FindsTheCaseRules() =>
        Assert.Contains(Catalog(), r => r is { Id: "R-19-quorum", Gating: true } || r is { Id: "G-09-quorum", Gating: true });

    [Fact]
    public void CatalogParsing_FindsTheTransferAndMobilityRules()
    {
        var management = ManagementCatalog();
        Assert.Contains(management, r => r is { Id: "T-04-validity", Gating: true });
        Assert.Contains(management, r => r is { Id: "T-07-receipt", Gating: false });
        Assert.Contains(management, r => r is { Id: "F-05-suspension", Gating: true });
    }

    [Fact]
    public void RulesCoverageDocument_IsCurrent() => RepoFiles.AssertGenerated("docs/rules-coverage.md", Document());

    public static string Document()
    {
        var tests = TestsByRule();
        var catalog = Catalog();
        var sb = new StringBuilder();
        sb.Append("# Rules coverage\n\n");
        sb.Append("Generated from the tests by `RulesCoverageTests` (`JISHI_UPDATE_DOCS=1 ./test.sh`); do not edit by hand.\n");
        sb.Append("A test exercises a rule when it names the rule id. Sections: RULES.md §0.3–0.4, §2.1–2.6 and §5; MANAGEMENT.md §1–5.\n\n");
        var gating = catalog.Where(r => r.Gating).ToList();
        sb.Append($"Gating rules (BLOCK, BLOCK-EX, WARN): {gating.Count}; with tests: {gating.Count(r => tests.ContainsKey(r.Id))}; ");
        sb.Append($"by construction: {gating.Count(r => ByConstruction.ContainsKey(r.Id))}; ");
        sb.Append($"not yet enforced: {gating.Count(r => NotYetEnforced.ContainsKey(r.Id))}.\n");
        foreach (var section in catalog.GroupBy(r => r.Section))
        {
            sb.Append($"\n## {section.Key}\n\n| Rule | Level | Tests | Status |\n|---|---|---|---|\n");
            foreach (var r in section)
            {
                var names = tests.GetValueOrDefault(r.Id) ?? [];
                var status = names.Count > 0 ? "tested"
                    : NotYetEnforced.TryGetValue(r.Id, out var why) ? "not yet enforced: " + why
                    : ByConstruction.TryGetValue(r.Id, out var how) ? $"by construction: {how.How}（见 {string.Join("、", how.CoveredBy)}）"
                    : r.Gating ? "UNTESTED" : "informational";
                var shown = string.Join("<br>", names.Take(6)) + (names.Count > 6 ? $"<br>… and {names.Count - 6} more" : "");
                sb.Append($"| `{r.Id}` | {r.Level} | {names.Count}{(names.Count > 0 ? ": " + shown : "")} | {status} |\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The rules of §0.3–0.4 (paragraphs "**G-…**") and §2.1–2.6 (headings "#### R-…"), with their level text.</summary>
    public static IReadOnlyList<CatalogRule> Catalog()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoFiles.Shared, "rules", "RULES.md"));
        var rules = new List<CatalogRule>();
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("### ", StringComparison.Ordinal) || line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line.StartsWith("### 0.3", StringComparison.Ordinal) || line.StartsWith("### 0.4", StringComparison.Ordinal)
                          || (line.StartsWith("### 2.", StringComparison.Ordinal) && line[6] is >= '1' and <= '6')
                          || line.StartsWith("## 5.", StringComparison.Ordinal)
                    ? line.TrimStart('#', ' ')
                    : null;
                continue;
            }

            if (section is null)
            {
                continue;
            }

            if (line.StartsWith("**G-", StringComparison.Ordinal) || line.StartsWith("- **G-", StringComparison.Ordinal))
            {
                var id = RuleId().Match(line).Value;
                rules.Add(Rule(id, section, line));
            }
            else if (line.StartsWith("#### ", StringComparison.Ordinal) && RuleId().Match(line) is { Success: true } m)
            {
                var level = LevelLine(lines, i);
                rules.Add(Rule(m.Value, section, level));
            }
        }

        rules.AddRange(ManagementCatalog());
        return rules.DistinctBy(r => r.Id).ToList();
    }

    /// <summary>The rules of MANAGEMENT.md §1 (T-), §2 (F-), §3 (L-), §4 (X-) and §5 (D-), headings "#### T-…" with their Level line.</summary>
    public static IReadOnlyList<CatalogRule> ManagementCatalog()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoFiles.Shared, "rules", "MANAGEMENT.md"));
        var rules = new List<CatalogRule>();
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line.StartsWith("## 1.", StringComparison.Ordinal) || line.StartsWith("## 2.", StringComparison.Ordinal)
                          || line.StartsWith("## 3.", StringComparison.Ordinal) || line.StartsWith("## 4.", StringComparison.Ordinal)
                          || line.StartsWith("## 5.", StringComparison.Ordinal)
                    ? "MANAGEMENT.md " + line.TrimStart('#', ' ')
                    : null;
                continue;
            }

            if (section is not null && line.StartsWith("#### ", StringComparison.Ordinal) && RuleId().Match(line) is { Success: true } m)
            {
                var level = LevelLine(lines, i);
                rules.Add(Rule(m.Value, section, level));
            }
        }

        return rules;
    }

    /// <summary>The "**Level**" line of the rule whose heading is line <paramref name="i"/>; a rule without one (the
    /// dues rules of RULES.md §5) states its level in its "**Check**" line, else in the heading itself.</summary>
    private static string LevelLine(string[] lines, int i)
    {
        string? check = null;
        for (var j = i + 1; j < lines.Length && !lines[j].StartsWith('#'); j++)
        {
            if (lines[j].Contains("**Level**", StringComparison.Ordinal))
            {
                return lines[j];
            }

            check ??= lines[i].StartsWith("#### D-", StringComparison.Ordinal) && lines[j].Contains("**Check**", StringComparison.Ordinal) ? lines[j] : null;
        }

        return check ?? lines[i];
    }

    private static CatalogRule Rule(string id, string section, string text)
    {
        var levels = new List<string>();
        if (text.Contains("BLOCK-EX", StringComparison.Ordinal))
        {
            levels.Add("BLOCK-EX");
        }

        if (Regex.IsMatch(text, @"BLOCK(?!-EX)"))
        {
            levels.Add("BLOCK");
        }

        if (text.Contains("WARN", StringComparison.Ordinal) && !text.Contains("OrgWARN", StringComparison.Ordinal))
        {
            levels.Add("WARN");
        }

        var gating = levels.Count > 0;
        if (!gating)
        {
            levels.Add(text.Contains("OrgWARN", StringComparison.Ordinal) ? "OrgWARN" : text.Contains("INFO", StringComparison.Ordinal) ? "INFO" : "convention");
        }

        return new CatalogRule(id, section, string.Join(" / ", levels), gating);
    }

    /// <summary>Rule id → "Class.Method" of every test whose text (attributes and body) names it.</summary>
    public static IReadOnlyDictionary<string, List<string>> TestsByRule()
    {
        var map = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoFiles.Root, "tests"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.EndsWith("RulesCoverageTests.cs", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var starts = TestAttribute().Matches(text).Select(m => m.Index).ToList();
            for (var k = 0; k < starts.Count; k++)
            {
                var end = k + 1 < starts.Count ? starts[k + 1] : text.Length;
                var body = text[starts[k]..end];
                var name = MethodName().Match(body);
                if (!name.Success)
                {
                    continue;
                }

                var cls = ClassName().Matches(text[..starts[k]]).LastOrDefault()?.Groups[1].Value ?? "?";
                foreach (var id in RuleId().Matches(body).Select(m => m.Value).Distinct())
                {
                    if (!map.TryGetValue(id, out var list))
                    {
                        map[id] = list = [];
                    }

                    var test = $"{cls}.{name.Groups[1].Value}";
                    if (!list.Contains(test))
                    {
                        list.Add(test);
                    }
                }
            }
        }

        return map;
    }
}
