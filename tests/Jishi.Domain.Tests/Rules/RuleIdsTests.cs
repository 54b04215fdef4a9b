using System.Reflection;
using System.Text.RegularExpressions;
using Jishi.Domain.Rules;
using Jishi.Domain.Tests.Docs;

namespace Jishi.Domain.Tests.Rules;

/// <summary>
/// RuleIds is where the code spells a rule id: each constant is a rule of the catalog (a "#### id" heading of RULES.md or
/// MANAGEMENT.md, or listed below with the reason it is not one), no two share a value, and no other file of src names a
/// rule id by a string literal (except the folders listed below).
/// </summary>
public sealed partial class RuleIdsTests
{
    /// <summary>
    /// Ids of RuleIds that are not a "####" heading of the catalogs: the catalog text that defines them instead, and why.
    /// An entry goes when the catalog gains the heading.
    /// </summary>
    private static readonly Dictionary<string, (string DefinedBy, string Why)> NotAHeading = new(StringComparer.Ordinal)
    {
        // RULES.md §0.3 and §0.4 define the G rules as bold list items or paragraphs, not as headings.
        ["G-03-working-days"] = ("- **G-03-working-days**", "RULES.md §0.3 defines the G rules as bold list items"),
        ["G-05-dates"] = ("- **G-05-dates**", "RULES.md §0.3 defines the G rules as bold list items"),
        ["G-07-branch-committee-substitute"] = ("**G-07-branch-committee-substitute**", "RULES.md §0.4 defines the G rules as bold paragraphs"),
        ["G-08-voting-rights"] = ("**G-08-voting-rights**", "RULES.md §0.4 defines the G rules as bold paragraphs"),
        ["G-09-quorum"] = ("**G-09-quorum**", "RULES.md §0.4 defines the G rules as bold paragraphs"),
        ["G-11-written-opinions"] = ("**G-11-written-opinions**", "RULES.md §0.4 defines the G rules as bold paragraphs"),
        ["G-12-secret-ballot"] = ("**G-12-secret-ballot**", "RULES.md §0.4 defines the G rules as bold paragraphs"),
        ["G-14-approval-authority"] = ("**G-14-approval-authority**", "RULES.md §0.4 defines the G rules as bold paragraphs"),

        // The second deadline of T-08: "escalated to the common higher org after a further 15 days". The catalog
        // has one heading for both; the escalation has an id of its own so that the higher organisation's alert and
        // its label are told apart from the receiver's.
        ["T-08-pending-review-escalated"] = ("#### T-08-pending-review ", "the escalation step of the T-08 heading, which has no heading of its own"),
    };

    /// <summary>Folders of src that still spell rule ids out: their rework is under way and moves them to RuleIds after.</summary>
    private static readonly string[] NotYetOnRuleIds = [];

    private static readonly string[] Catalogs = ["RULES.md", "MANAGEMENT.md"];

    [GeneratedRegex(@"""[A-Z]{1,2}-[0-9]{2}[a-z]?-[a-z0-9-]+""")]
    private static partial Regex RuleIdLiteral();

    [Fact]
    public void EveryRuleId_IsAHeadingOfTheCatalogs_OrListedWithTheReason()
    {
        var headings = Headings();
        var missing = Constants().Where(c => !headings.Contains(c.Id) && !NotAHeading.ContainsKey(c.Id))
            .Select(c => $"{c.Name} = \"{c.Id}\"").ToList();
        Assert.True(missing.Count == 0,
            "RuleIds constants that are no \"#### id\" heading of RULES.md or MANAGEMENT.md (fix the id, or list it in "
            + "NotAHeading with the reason): " + string.Join(", ", missing));
    }

    [Fact]
    public void RuleIdsListedAsNotAHeading_AreConstants_StillNoHeading_AndDefinedWhereTheListSays()
    {
        var ids = Constants().Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var headings = Headings();
        var text = string.Join("\n", Catalogs.Select(f => File.ReadAllText(Path.Combine(RepoFiles.Shared, "rules", f))));
        foreach (var (id, (definedBy, why)) in NotAHeading)
        {
            Assert.True(ids.Contains(id), $"{id} is listed in NotAHeading but is no constant of RuleIds: remove it");
            Assert.False(headings.Contains(id), $"{id} is a heading of the catalogs now: remove it from NotAHeading");
            Assert.True(text.Contains(definedBy, StringComparison.Ordinal),
                $"{id} is listed as defined by \"{definedBy}\" ({why}), which the catalogs no longer contain");
        }
    }

    [Fact]
    public void NoTwoRuleIds_ShareAValue()
    {
        var shared = Constants().GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"\"{g.Key}\": {string.Join(", ", g.Select(c => c.Name))}").ToList();
        Assert.True(shared.Count == 0, "RuleIds constants with the same value: " + string.Join("; ", shared));
    }

    [Fact]
    public void RuleIdNames_AreTheIdsInPascalCase()
    {
        var wrong = Constants().Where(c => c.Name != NameOf(c.Id)).Select(c => $"{c.Name} (expected {NameOf(c.Id)})").ToList();
        Assert.True(wrong.Count == 0, "RuleIds constants not named after their id: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Src_NamesNoRuleIdByLiteral_OutsideRuleIds()
    {
        var src = Path.Combine(RepoFiles.Root, "src");
        var found = new List<string>();
        var scanned = 0;
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(RepoFiles.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)
                || relative == "src/Jishi.Domain/Rules/RuleIds.cs"
                || NotYetOnRuleIds.Any(d => relative.StartsWith(d, StringComparison.Ordinal)))
            {
                continue;
            }

            scanned++;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                found.AddRange(RuleIdLiteral().Matches(lines[i]).Select(m => $"{relative}:{i + 1}: {m.Value}"));
            }
        }

        Assert.True(scanned > 0, $"no source files found under {src}");
        Assert.True(found.Count == 0, "Rule ids spelled out in src (use the RuleIds constant):\n" + string.Join("\n", found));
    }

    private sealed record Constant(string Name, string Id);

    private static List<Constant> Constants() =>
        typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true, IsInitOnly: false } && f.FieldType == typeof(string))
            .Select(f => new Constant(f.Name, (string)f.GetRawConstantValue()!))
            .ToList();

    /// <summary>The first word of every "#### " heading of RULES.md and MANAGEMENT.md (a rule heading starts with its id).</summary>
    private static HashSet<string> Headings() =>
        Catalogs.SelectMany(f => File.ReadLines(Path.Combine(RepoFiles.Shared, "rules", f)))
            .Where(l => l.StartsWith("#### ", StringComparison.Ordinal))
            .Select(l => l[5..].Split(' ', 2)[0])
            .ToHashSet(StringComparer.Ordinal);

    private static string NameOf(string id) =>
        string.Concat(id.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
