using Jishi.Domain.Development;
using Jishi.Domain.Mobility;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Mobility;

/// <summary>T-13-abroad at the catalog's boundaries: contact every full calendar half-year away, and the review prompt
/// (WARN "一般予以停止党籍", never an automatic suspension) for a member settled abroad or abroad more than 5 years.</summary>
public sealed class AbroadRulesTests
{
    private static readonly OrgFacts Branch = new("o-b", "某大学物理系党支部", OrgType.Branch, "o-c", false, false, false, true);

    private static MobilityContext Ctx(DateOnly today) => new() { Today = today, MemberName = "李明", FormalOrg = Branch };

    private static MobilityProgress Open(DateOnly left, AbroadKind kind)
    {
        var p = MobilityProcedure.Instance.NewProgress();
        p.Apply(new ProcedureEvent<MobilityEvent>(1, nameof(OutflowRegistered), left, new OutflowRegistered
        {
            MemberId = "m-1",
            Destination = "英国伦敦",
            Reason = "出国留学",
            Category = MobileCategory.Overseas,
            AbroadKind = kind,
        }, [], []));
        return p;
    }

    /// <summary>The contact deadlines of T-13 (every one but the review's).</summary>
    private static List<ProcedureDeadline> Contacts(MobilityProgress p) => [.. MobilityRules.Deadlines(p)
        .Where(d => d.Rule == RuleIds.T13Abroad && d.DueDate != MobilityRules.AbroadReviewFrom(p.AbroadKind, p.LeftDate))];

    private static void Apply(MobilityProgress p, MobilityEvent e, DateOnly date) =>
        p.Apply(new ProcedureEvent<MobilityEvent>(p.NextSeq, e.GetType().Name, date, e, [], []));

    private static ProcedureDecision<MobilityEvent> Decide(MobilityProgress p, MobilityEvent e, DateOnly date) =>
        MobilityProcedure.Instance.Decide(p, e.GetType().Name, date, e, Ctx(date));

    [Theory]
    [InlineData("2026-01-15", "2026-12-31")] // T-13-abroad: the first full half-year after leaving is 2026-07-01…2026-12-31
    [InlineData("2026-07-01", "2027-06-30")]
    [InlineData("2026-06-30", "2026-12-31")]
    [InlineData("2024-02-29", "2024-12-31")]
    public void StudyAbroad_FirstContactIsDue_AtTheEndOfTheFirstFullHalfYearAway_T13(string left, string firstDue)
    {
        var p = Open(DateOnly.Parse(left), AbroadKind.Study);
        var due = Contacts(p);
        Assert.Equal(DateOnly.Parse(firstDue), Assert.Single(due).DueDate);
        Assert.DoesNotContain(MobilityRules.Deadlines(p), d => d.Rule == RuleIds.F02Contact);
    }

    [Fact]
    public void StudyAbroad_EachContactResetsTheDeadline_ToTheEndOfTheNextHalfYear_T13()
    {
        // T-13-abroad: left 2026-01-15; a contact on 2026-12-31 meets the first half-year; the next is due 2027-06-30.
        var p = Open(new DateOnly(2026, 1, 15), AbroadKind.Research);
        Apply(p, new ContactLogged { Method = ContactMethod.Online, Summary = "视频联系" }, new DateOnly(2026, 12, 31));
        var due = Contacts(p);
        Assert.True(due.Single(d => d.DueDate == new DateOnly(2026, 12, 31)).Satisfied);
        Assert.Equal(new DateOnly(2027, 6, 30), due.Single(d => d.Outstanding).DueDate);

        // The half-year 2027-01-01…2027-06-30 missed: a contact on 2027-07-01 is late for it and counts for the next.
        Apply(p, new ContactLogged { Method = ContactMethod.Letter, Summary = "书信" }, new DateOnly(2027, 7, 1));
        due = Contacts(p);
        Assert.False(due.Single(d => d.DueDate == new DateOnly(2027, 6, 30)).Satisfied);
        Assert.True(due.Single(d => d.DueDate == new DateOnly(2027, 12, 31)).Satisfied);
        Assert.Equal(new DateOnly(2028, 6, 30), due.Single(d => d.Outstanding).DueDate);
    }

    [Fact]
    public void NotAbroad_KeepsTheQuarterlyContact_F02_AndNoReview_T13()
    {
        // F-02-contact stays the rule of a member who is not abroad; T-13-abroad does not apply.
        var p = Open(new DateOnly(2026, 1, 15), AbroadKind.None);
        Assert.Equal(new DateOnly(2026, 6, 30), Assert.Single(MobilityRules.Deadlines(p)).DueDate);
        Assert.Equal(RuleIds.F02Contact, MobilityRules.Deadlines(p)[0].Rule);
        Assert.Null(MobilityRules.AbroadReviewPrompt(p, "李明", new DateOnly(2040, 1, 1)));
        Assert.Contains(Decide(p, new AbroadReviewed { Conclusion = "x" }, new DateOnly(2026, 3, 1)).Refusals, r => r.Rule == RuleIds.T13Abroad);
    }

    [Theory]
    [InlineData("2021-01-15", "2026-01-15", false)] // T-13-abroad: exactly 5 years is not "超过5年"
    [InlineData("2021-01-15", "2026-01-16", true)]
    [InlineData("2020-02-29", "2025-02-28", false)] // G-02: 29 Feb + 5 years → 28 Feb
    [InlineData("2020-02-29", "2025-03-01", true)]
    public void StudyAbroadMoreThan5Years_PromptsAReview_TheDayAfterTheFifthAnniversary_T13(string left, string on, bool prompted)
    {
        var p = Open(DateOnly.Parse(left), AbroadKind.Study);
        var prompt = MobilityRules.AbroadReviewPrompt(p, "李明", DateOnly.Parse(on));
        Assert.Equal(prompted, prompt is not null);
        if (prompt is not null)
        {
            Assert.Equal(RuleIds.T13Abroad, prompt.Rule);
            Assert.Equal(RuleSeverity.Warn, prompt.Severity);
            Assert.Contains("第二十四条", prompt.Article, StringComparison.Ordinal);
            Assert.Contains("一般予以停止党籍", prompt.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SettledAbroad_PromptsAReview_FromTheLeavingDay_AndIsNeverASuspension_T13()
    {
        // T-13-abroad: settled abroad → the prompt from the start; the record stays open (no automatic 停止党籍).
        var p = Open(new DateOnly(2026, 3, 1), AbroadKind.Settled);
        var prompt = MobilityRules.AbroadReviewPrompt(p, "李明", new DateOnly(2026, 3, 1));
        Assert.NotNull(prompt);
        Assert.Equal(RuleSeverity.Warn, prompt.Severity);
        Assert.True(p.IsOpen);
        var review = Assert.Single(MobilityRules.Deadlines(p), d => d.Rule == RuleIds.T13Abroad && d.DueDate == new DateOnly(2026, 3, 1));
        Assert.True(review.Outstanding);
    }

    [Fact]
    public void AbroadReviewed_RecordsTheConclusion_AndClearsThePrompt_T13()
    {
        // T-13-abroad: left 2021-01-15 to study; on 2026-01-15 the review is refused (not yet more than 5 years), on
        // 2026-01-16 accepted; once recorded, the prompt is gone and its deadline met.
        var p = Open(new DateOnly(2021, 1, 15), AbroadKind.Study);
        var early = Decide(p, new AbroadReviewed { Conclusion = "拟停止党籍" }, new DateOnly(2026, 1, 15));
        Assert.Contains(early.Refusals, r => r.Rule == RuleIds.T13Abroad && r.Severity == RuleSeverity.Block);
        Assert.Equal(["conclusion"], Decide(p, new AbroadReviewed(), new DateOnly(2026, 1, 16)).Errors.Select(e => e.Field).ToArray());

        var review = new AbroadReviewed { Conclusion = "经支部委员会审查，建议停止党籍，报党委决定" };
        Assert.True(Decide(p, review, new DateOnly(2026, 1, 16)).IsAccepted);
        Apply(p, review, new DateOnly(2026, 1, 16));
        Assert.Null(MobilityRules.AbroadReviewPrompt(p, "李明", new DateOnly(2026, 1, 17)));
        Assert.Equal(new DateOnly(2026, 1, 16), p.AbroadReviewedDate);
        Assert.Equal(review.Conclusion, p.AbroadReviewConclusion);
        Assert.True(MobilityRules.Deadlines(p).Single(d => d.DueDate == new DateOnly(2026, 1, 16)).Satisfied);
        Assert.Equal(MobilityState.Away, p.State);
    }

    [Fact]
    public void AReturnedRecord_PromptsNothing_T13()
    {
        // T-13-abroad: back before the 5 years, no review is owed.
        var p = Open(new DateOnly(2021, 1, 15), AbroadKind.Study);
        Apply(p, new Returned(), new DateOnly(2025, 9, 1));
        Assert.Null(MobilityRules.AbroadReviewPrompt(p, "李明", new DateOnly(2026, 1, 16)));
        Assert.DoesNotContain(MobilityRules.Deadlines(p), d => d.Outstanding);
    }

    [Fact]
    public void HalfYearEnd_IsThe30thOfJune_OrThe31stOfDecember()
    {
        Assert.Equal(new DateOnly(2026, 6, 30), MobilityRules.HalfYearEnd(new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2026, 6, 30), MobilityRules.HalfYearEnd(new DateOnly(2026, 6, 30)));
        Assert.Equal(new DateOnly(2026, 12, 31), MobilityRules.HalfYearEnd(new DateOnly(2026, 7, 1)));
    }
}
