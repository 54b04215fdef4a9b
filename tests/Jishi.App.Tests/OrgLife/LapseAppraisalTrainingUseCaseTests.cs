using System.Globalization;
using Jishi.App.Accounts;
using Jishi.App.Data;
using Jishi.App.Dues;
using Jishi.App.OrgLife;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Dues;
using Jishi.Domain.Members;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;

namespace Jishi.App.Tests.OrgLife;

/// <summary>The lapse flag (M-15) from the meetings' rosters and the dues book, democratic appraisal (L-05) and training
/// hours (L-07), through the use cases on a real database.</summary>
public abstract class LapseAppraisalTrainingUseCaseTests : UseCaseTest
{
    private OrgFixture tree = null!;

    private Caller Branch => ManagerOf(tree.BranchA);

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private async Task<List<Member>> SetUpAsync()
    {
        tree = await BuildTreeAsync();
        return [await CreateMemberAsync(tree.BranchA, "王明"), await CreateMemberAsync(tree.BranchA, "李娜"), await CreateMemberAsync(tree.BranchA, "张伟")];
    }

    private Task<MeetingRecord> Hold(MeetingType type, string date, IEnumerable<NewAttendance> roster) =>
        new RecordMeeting(Db(Branch), Time).Handle(new NewMeeting(tree.BranchA.Id, type, D(date), ["学习党章"], [.. roster]));

    private async Task PayAsync(Member m, string paid, string from, string to)
    {
        var months = DuesMonth.Parse(from)!.Value.MonthsThrough(DuesMonth.Parse(to)!.Value);
        await new RecordDuesPayment(Db(Branch), Time).Handle(new NewDuesPayment(m.Id, D(paid), from, to, 15.00m * months));
    }

    [Fact]
    public async Task SixMonthsWithoutDuesOrOrgLife_FlagAMember_ThreeWarn_AndAJustifiedReasonTakesMonthsOut_M15()
    {
        var ms = await SetUpAsync();
        var (wang, li, zhang) = (ms[0], ms[1], ms[2]);
        foreach (var m in ms)
        {
            await new SetDuesBase(Db(Branch), Time).Handle(m.Id, new NewDuesBase("2026-01", DuesCategory.Salaried, 3000.00m));
            await PayAsync(m, "2026-04-20", "2026-01", "2026-04");
        }

        await PayAsync(li, "2026-07-20", "2026-05", "2026-07");
        await PayAsync(zhang, "2026-07-20", "2026-05", "2026-07");
        await PayAsync(zhang, "2026-10-20", "2026-08", "2026-10");
        NewAttendance Present(Member m) => new(m.Id, AttendanceStatus.Present);
        await Hold(MeetingType.BranchAssembly, "2026-04-10", ms.Select(Present));
        await Hold(MeetingType.BranchAssembly, "2026-05-10", [Present(wang), Present(li), new(zhang.Id, AttendanceStatus.Absent)]);
        await Hold(MeetingType.BranchAssembly, "2026-08-10", [Present(wang), Present(li), new(zhang.Id, AttendanceStatus.Absent)]);

        // On 2026-11-22 October is the last month counted: 王明 owes May–October (6), 李娜 August–October (3), 张伟 has
        // not taken part in organisational life since April (May–October, 6).
        var list = await new ListLapse(Db(Branch), Time).Handle(tree.BranchA.Id, null);
        Assert.Equal(new DuesMonth(2026, 10), list.LastCounted);
        var byName = list.Items.ToDictionary(i => i.Name);
        Assert.Equal((LapseLevel.LapseCandidate, 6, new DuesMonth(2026, 5)), (byName["王明"].Level, byName["王明"].Months, byName["王明"].Since));
        Assert.Equal([LapseGround.Dues], byName["王明"].Grounds);
        Assert.Equal((LapseLevel.EarlyWarning, 3), (byName["李娜"].Level, byName["李娜"].Months));
        Assert.Equal(LapseLevel.LapseCandidate, byName["张伟"].Level);
        Assert.Equal([LapseGround.OrgLife], byName["张伟"].Grounds);

        // On 2026-09-30 (September ended) 王明 has five months: an early warning, not yet a candidate.
        var earlier = await new ListLapse(Db(Branch), Time).Handle(tree.BranchA.Id, D("2026-09-30"));
        Assert.Equal((LapseLevel.EarlyWarning, 5), (earlier.Items.Single(i => i.Name == "王明").Level, earlier.Items.Single(i => i.Name == "王明").Months));

        // 张伟 was in hospital July–August: a justified reason. September–October remain: nothing to flag.
        await new RecordLapseExemption(Db(Branch), Time).Handle(zhang.Id, new NewLapseExemption(LapseExemptionKind.JustifiedReason, "2026-07", "2026-08", "住院治疗"));
        var after = await new ListLapse(Db(Branch), Time).Handle(tree.BranchA.Id, null);
        Assert.DoesNotContain(after.Items, i => i.Name == "张伟");

        // It only flags: every member is still in the registry.
        Assert.Equal(3, await CountAsync<Member>());
        var bad = await Assert.ThrowsAsync<InvalidInputException>(() => new RecordLapseExemption(Db(Branch), Time)
            .Handle(zhang.Id, new NewLapseExemption(LapseExemptionKind.JustifiedReason, "2026-09", "2026-08", "")));
        Assert.Equal(["reason", "to"], bad.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GradesNeedTheCommitteeOrAssemblyRecord_OneAppraisalAYear_AndNoQuotaIsAsked_L05()
    {
        var ms = await SetUpAsync();
        var grades = ms.Select((m, i) => new NewGrade(m.Id, i == 0 ? AppraisalGrade.Excellent : AppraisalGrade.Qualified)).ToList();
        var none = await Assert.ThrowsAsync<RuleViolationException>(() =>
            new RecordAppraisal(Db(Branch), Time).Handle(new NewAppraisal(tree.BranchA.Id, 2026, null, grades)));
        Assert.Equal("L-05-appraisal", Assert.Single(none.Refusals).Rule);
        var themeDay = await Hold(MeetingType.ThemePartyDay, "2026-11-10", ms.Select(m => new NewAttendance(m.Id, AttendanceStatus.Present)));
        var wrong = await Assert.ThrowsAsync<RuleViolationException>(() =>
            new RecordAppraisal(Db(Branch), Time).Handle(new NewAppraisal(tree.BranchA.Id, 2026, themeDay.Id, grades)));
        Assert.Equal("L-05-appraisal", Assert.Single(wrong.Refusals).Rule);
        Assert.Equal(0, await CountAsync<AppraisalRecord>());

        // Every member rated 合格 or better but one 不合格: whatever the distribution, nothing is asked of it.
        var assembly = await Hold(MeetingType.BranchAssembly, "2026-11-12", ms.Select(m => new NewAttendance(m.Id, AttendanceStatus.Present)));
        var a = await new RecordAppraisal(Db(Branch), Time).Handle(new NewAppraisal(tree.BranchA.Id, 2026, assembly.Id,
            [.. grades.Take(2), new NewGrade(ms[2].Id, AppraisalGrade.Unqualified)]));
        Assert.Equal((2026, assembly.Id, 3), (a.Year, a.DecidedAtMeetingId, a.Grades.Count));
        var listed = Assert.Single(await new ListAppraisals(Db(ManagerOf(tree.Township))).Handle(tree.Township.Id, 2026));
        Assert.Contains(listed.Grades, g => g is { MemberName: "张伟", Grade: AppraisalGrade.Unqualified });
        await Assert.ThrowsAsync<ConflictException>(() =>
            new RecordAppraisal(Db(Branch), Time).Handle(new NewAppraisal(tree.BranchA.Id, 2026, assembly.Id, grades)));
    }

    [Fact]
    public async Task AnAppraisal_IsReadByIdWithItsGrades_InTheCallersScopeOnly()
    {
        var ms = await SetUpAsync();
        var assembly = await Hold(MeetingType.BranchAssembly, "2026-03-12", ms.Select(m => new NewAttendance(m.Id, AttendanceStatus.Present)));
        var a = await new RecordAppraisal(Db(Branch), Time).Handle(new NewAppraisal(tree.BranchA.Id, 2025, assembly.Id,
            [.. ms.Select(m => new NewGrade(m.Id, AppraisalGrade.Qualified))]));
        var read = await new GetAppraisal(Db(ManagerOf(tree.Township))).Handle(a.Id);
        Assert.Equal((tree.BranchA.Id, 2025, assembly.Id, new DateOnly(2026, 3, 12)), (read.OrgId, read.Year, read.DecidedAtMeetingId, read.DecidedOn));
        Assert.Equal(["张伟", "李娜", "王明"], read.Grades.Select(g => g.MemberName).Order(StringComparer.Ordinal));
        await Assert.ThrowsAsync<NotFoundException>(() => new GetAppraisal(Db(ManagerOf(tree.BranchB))).Handle(a.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => new GetAppraisal(Db(Branch)).Handle("missing"));
    }

    [Fact]
    public async Task ThirtyTwoHoursAYear_AreEnough_ThirtyOneAndAHalfAreFlagged_L07()
    {
        var ms = await SetUpAsync();
        await new RecordTraining(Db(Branch), Time).Handle(ms[0].Id, new NewTraining(D("2026-03-01"), 24m, "集中轮训"));
        await new RecordTraining(Db(Branch), Time).Handle(ms[0].Id, new NewTraining(D("2026-09-01"), 8m, "网上学习"));
        await new RecordTraining(Db(Branch), Time).Handle(ms[1].Id, new NewTraining(D("2026-03-01"), 31.5m, "集中轮训"));
        var year = await new GetTrainingYear(Db(Branch), Time).Handle(tree.BranchA.Id, 2026);
        var byName = year.Items.ToDictionary(i => i.Name);
        Assert.Equal((32m, false), (byName["王明"].Hours, byName["王明"].Short));
        Assert.Equal((31.5m, true), (byName["李娜"].Hours, byName["李娜"].Short));
        Assert.Equal("L-07-training-hours", Assert.Single(byName["李娜"].Warnings).Rule);
        Assert.Equal((0m, true), (byName["张伟"].Hours, byName["张伟"].Short));
        var bad = await Assert.ThrowsAsync<InvalidInputException>(() =>
            new RecordTraining(Db(Branch), Time).Handle(ms[2].Id, new NewTraining(D("2026-03-01"), 1.25m, "")));
        Assert.Equal(["hours", "subject"], bad.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}

public sealed class LapseAppraisalTrainingUseCaseTests_Sqlite : LapseAppraisalTrainingUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class LapseAppraisalTrainingUseCaseTests_Postgres : LapseAppraisalTrainingUseCaseTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
