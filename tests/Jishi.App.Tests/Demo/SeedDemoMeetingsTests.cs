using Jishi.App.Alerts;
using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.OrgLife;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Demo;

public abstract class SeedDemoMeetingsTests : UseCaseTest
{
    [Fact]
    public async Task SeedDemoMeetings_GivesThreeBranchesThisYearsMeetings_OneComplete_TwoWithMissedPeriods_InTheAlerts()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();
        await new SeedDemoCases(Db(), Time, calendar).Handle();
        await new SeedDemoTransfers(Db(), Time, calendar).Handle();
        await new SeedDemoMobility(Db(), Time).Handle();

        Assert.True(await new SeedDemoMeetings(Db(), Time).Handle() > 50); // 27 + 23 + 9 up to 2026-11-22
        Assert.Equal(0, await new SeedDemoMeetings(Db(), Time).Handle()); // seeded once

        var meetings = await Db().Meetings.AsNoTracking().Include(m => m.Attendance).ToListAsync();
        Assert.All(meetings, m => Assert.True(m.Date <= new DateOnly(2026, 11, 22)));
        Assert.All(meetings, m => Assert.Equal(m.Expected, m.Present + m.Leave + m.Absent));
        Assert.Contains(meetings, m => m.Attendance.Any(a => a.Status == AttendanceStatus.Leave && a.Reason is { Length: > 0 }));
        Assert.Contains(meetings, m => m.Attendance.Any(a => a.Status == AttendanceStatus.Excused));
        Assert.Contains(meetings, m => m.Type == MeetingType.BranchAssembly && m.CountsFor().Contains(MeetingType.ThemePartyDay));

        // In name order: the first keeps every period so far, the second and third miss some, the fourth has no record.
        var town = await Db().Orgs.AsNoTracking().SingleAsync(o => o.Type == OrgType.TownshipCommittee);
        var summary = await new GetOrgLifeSummary(Db(), Time).Handle(town.Id, 2026);
        var general = Assert.Single(summary.Branches, b => b.Name.Contains("总支", StringComparison.Ordinal));
        Assert.Equal((null, 0, 0), (general.RecordedFrom, general.Meetings, general.Missed)); // a 总支 with no record owes nothing
        var branches = summary.Branches.Except([general]).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(4, branches.Count);
        Assert.Equal(0, branches[0].Missed);
        Assert.True(branches[0].Tallies.Single(t => t.Type == MeetingType.DemocraticAppraisal).Met == 1);
        Assert.Equal(3, branches[1].Missed); // two committee meetings and the second quarter's lecture
        Assert.Equal(2, branches[2].Missed); // August's 主题党日 and the second quarter's assembly (its record began inside Q2)
        Assert.Equal(1, branches[2].Tallies.Single(t => t.Type == MeetingType.ThemePartyDay).Missed); // nothing before May is due
        Assert.Null(branches[3].RecordedFrom);
        Assert.Equal(0, branches[3].Meetings);

        var owed = (await new ListAlerts(Db(), Time).Handle(null, null, 0))
            .Where(a => a.Obligation is { Rule: RuleIds.L01Frequencies }).ToList();
        Assert.Equal(5, owed.Count);
    }
}

public sealed class SeedDemoMeetingsTests_Sqlite : SeedDemoMeetingsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SeedDemoMeetingsTests_Postgres : SeedDemoMeetingsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
