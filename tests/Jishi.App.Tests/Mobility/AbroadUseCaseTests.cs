using Jishi.App.Accounts;
using Jishi.App.Alerts;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.App.Mobility;
using Jishi.App.Procedures;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Members;
using Jishi.Domain.Mobility;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Mobility;

/// <summary>T-13-abroad through the use cases on a real database (today 2026-11-22): members abroad for study and
/// settled abroad, their half-yearly contact, the review prompt and the step that records the review.</summary>
public abstract class AbroadUseCaseTests : UseCaseTest
{
    private OrgFixture tree = null!;

    private Caller Outflow => ManagerOf(tree.Township);

    private Task<MobilityView> Register(Member member, DateOnly left, AbroadKind? kind)
    {
        var db = Db(Outflow);
        return new RegisterOutflow(db, new MobilityFacts(db, Time), Time).Handle(new NewProcedureEvent<MobilityEvent>(nameof(OutflowRegistered), left,
            new OutflowRegistered
            {
                MemberId = member.Id,
                Destination = "英国伦敦",
                Reason = "出国（境）学习",
                Category = MobileCategory.Overseas,
                AbroadKind = kind,
            }, [], []));
    }

    private Task<MobilityView> Step(string id, MobilityEvent data, DateOnly date)
    {
        var db = Db(Outflow);
        return new RecordMobilityEvent(db, new MobilityFacts(db, Time), Time)
            .Handle(id, new NewProcedureEvent<MobilityEvent>(data.GetType().Name, date, data, [], []), null);
    }

    private async Task<CaseDeadlineRecord> DeadlineOf(string id) =>
        await Db().CaseDeadlines.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.CaseId == id);

    [Fact]
    public async Task StudyingAbroadMoreThan5Years_IsPromptedForReview_AndTheReviewClearsIt_T13()
    {
        // T-13-abroad: left 2021-01-15 to study abroad; today 2026-11-22 is more than 5 years on.
        tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA, "李明");
        var v = await Register(member, new DateOnly(2021, 1, 15), AbroadKind.Study);
        Assert.Equal(AbroadKind.Study, v.Record.AbroadKind);
        var prompt = Assert.Single(v.Prompts);
        Assert.Equal((RuleIds.T13Abroad, RuleSeverity.Warn), (prompt.Rule, prompt.Severity));
        Assert.Contains("一般予以停止党籍", prompt.Message, StringComparison.Ordinal);
        Assert.Contains(MemberFlags.Abroad, await new MemberFlags(Db(), Time).Handle(member));
        Assert.Null((await Db().Members.AsNoTracking().FirstAsync(m => m.Id == member.Id)).SuspendedDate); // never automatic

        // The half-yearly contact replaces the quarterly one; the earliest outstanding T-13 deadline is indexed.
        v = await Step(v.Head.Id, new ContactLogged { Method = ContactMethod.Online, Summary = "视频联系，学习情况良好" }, new DateOnly(2026, 11, 1));
        Assert.DoesNotContain(v.Procedure.Deadlines, d => d.Rule == RuleIds.F02Contact);
        var review = await DeadlineOf(v.Head.Id);
        Assert.Equal((RuleIds.T13Abroad, new DateOnly(2026, 1, 16)), (review.Rule, review.DueDate));
        Assert.Contains(await new ListAlerts(Db(Outflow), Time).Handle(tree.BranchA.Id, null, 14),
            a => a.CaseId == v.Head.Id && a.Rule == RuleIds.T13Abroad && a.Overdue);

        v = await Step(v.Head.Id, new AbroadReviewed { Conclusion = "支部委员会审查：拟停止党籍，报党委决定" }, new DateOnly(2026, 11, 20));
        Assert.Empty(v.Prompts);
        Assert.Equal(new DateOnly(2026, 11, 20), v.Record.AbroadReviewedDate);
        Assert.Equal(MobilityState.Away, v.Progress.State);
        var next = await DeadlineOf(v.Head.Id);
        Assert.Equal((RuleIds.T13Abroad, new DateOnly(2027, 6, 30)), (next.Rule, next.DueDate));
    }

    [Fact]
    public async Task SettledAbroad_IsPromptedFromTheStart_T13()
    {
        // T-13-abroad: settled abroad → the review prompt on the leaving day itself.
        tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA, "赵敏");
        var v = await Register(member, Today, AbroadKind.Settled);
        Assert.Equal(RuleIds.T13Abroad, Assert.Single(v.Prompts).Rule);
        Assert.Equal(AbroadKind.Settled, (await new GetMobility(Db(), Time).Handle(v.Head.Id)).Progress.AbroadKind);
        Assert.Contains(MemberFlags.Abroad, await new MemberFlags(Db(), Time).Handle(member));
    }

    [Fact]
    public async Task AReviewOfAMemberNotAbroad_IsRefusedWithTheRule_AndChangesNothing_T13()
    {
        // T-13-abroad: no review of a record that is not abroad; a record without an abroad kind is not abroad.
        tree = await BuildTreeAsync();
        var member = await CreateMemberAsync(tree.BranchA, "孙强");
        var v = await Register(member, new DateOnly(2026, 3, 1), null);
        Assert.Equal(AbroadKind.None, v.Record.AbroadKind);
        Assert.DoesNotContain(MemberFlags.Abroad, await new MemberFlags(Db(), Time).Handle(member));
        var before = await CountAsync<ProcedureEventRecord>();
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Step(v.Head.Id, new AbroadReviewed { Conclusion = "x" }, Today));
        var refusal = Assert.Single(e.Refusals);
        Assert.Equal(RuleIds.T13Abroad, refusal.Rule);
        Assert.Contains("第二十四条", refusal.Article, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync<ProcedureEventRecord>());
        AssertSingleField(await Assert.ThrowsAsync<InvalidInputException>(() => Step(v.Head.Id, new AbroadReviewed(), Today)), "conclusion");
    }
}

public sealed class AbroadUseCaseTests_Sqlite : AbroadUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class AbroadUseCaseTests_Postgres : AbroadUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
