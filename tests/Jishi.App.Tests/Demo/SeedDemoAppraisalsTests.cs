using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.OrgLife;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Demo;

/// <summary>The demo's appraisal, training hours and lapse flags, as the run command seeds them: last year's appraisal of
/// the second branch decided at this year's first assembly, training hours some short of 32, and in the same branch a
/// member six months and more without organisational life and one at the early warning.</summary>
public abstract class SeedDemoAppraisalsTests : UseCaseTest
{
    [Fact]
    public async Task SeedDemoAppraisals_RecordsLastYearsAppraisal_TrainingHours_AndTheMeetingsGiveALapseCandidateAndAWarning()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();
        await new SeedDemoCases(Db(), Time, calendar).Handle();
        await new SeedDemoTransfers(Db(), Time, calendar).Handle();
        await new SeedDemoMobility(Db(), Time).Handle();
        await new SeedDemoDues(Db(), Time).Handle();
        await new SeedDemoMeetings(Db(), Time).Handle();

        Assert.True(await new SeedDemoAppraisals(Db(), Time).Handle() > 5);
        Assert.Equal(0, await new SeedDemoAppraisals(Db(), Time).Handle()); // seeded once

        var branch = (await Db().Orgs.AsNoTracking().Where(o => o.Type == OrgType.Branch).ToListAsync())
            .Where(o => o.Name.Contains("城关镇", StringComparison.Ordinal)).OrderBy(o => o.Name, StringComparer.Ordinal).Skip(1).First();
        var appraisal = Assert.Single(await new ListAppraisals(Db()).Handle(branch.Id, 2025));
        var meeting = await new GetMeeting(Db()).Handle(appraisal.DecidedAtMeetingId);
        Assert.Equal((MeetingType.BranchAssembly, new DateOnly(2026, 1, 10)), (meeting.Type, meeting.Date));
        Assert.Equal(meeting.Attendance.Count, appraisal.Grades.Count);
        Assert.Contains(appraisal.Grades, g => g.Grade == AppraisalGrade.Excellent);
        Assert.Contains(appraisal.Grades, g => g.Grade == AppraisalGrade.BasicallyQualified);

        var training = await new GetTrainingYear(Db(), Time).Handle(branch.Id, 2026);
        Assert.Contains(training.Items, l => l is { Short: false, Hours: >= 32m });
        Assert.Contains(training.Items, l => l is { Short: true, Hours: > 0m });

        // On 2026-11-22 October is the last month counted: April–October absent (7), July–October (4).
        var lapse = await new ListLapse(Db(), Time).Handle(branch.Id, null);
        Assert.Contains(lapse.Items, i => i is { Level: LapseLevel.LapseCandidate, Months: SeedDemoMeetings.CandidateMonths }
            && i.Grounds.Contains(LapseGround.OrgLife));
        Assert.Contains(lapse.Items, i => i is { Level: LapseLevel.EarlyWarning, Months: SeedDemoMeetings.WarnedMonths }
            && i.Grounds.Contains(LapseGround.OrgLife));
    }
}

public sealed class SeedDemoAppraisalsTests_Sqlite : SeedDemoAppraisalsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SeedDemoAppraisalsTests_Postgres : SeedDemoAppraisalsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
