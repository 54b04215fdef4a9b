using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.LostContacts;
using Jishi.App.Mobility;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Mobility;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Demo;

public abstract class SeedDemoMobilityTests : UseCaseTest
{
    [Fact]
    public async Task SeedDemoMobility_GivesBothRegistersAndLostContactInEachState_EachRecordedThroughTheRules()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();
        await new SeedDemoCases(Db(), Time, calendar).Handle();
        await new SeedDemoTransfers(Db(), Time, calendar).Handle();

        Assert.Equal(10, await new SeedDemoMobility(Db(), Time).Handle());

        var outflow = await new ListMobility(Db()).Handle(null, "Outflow", null, 1, 50);
        Assert.Equal(5, outflow.Total); // open records; the returned one is listed under its state
        Assert.Equal(1, (await new ListMobility(Db()).Handle(null, null, MobilityState.Returned, 1, 50)).Total);
        var school = await Db().Orgs.AsNoTracking()
            .FirstAsync(o => o.Type == Domain.Organisations.OrgType.PrimaryCommittee && o.HasAdmissionApprovalAuthority);
        var inflow = await new ListMobility(Db()).Handle(school.Id, "Inflow", null, 1, 50);
        Assert.Equal(MobilityState.AtInflowOrg, Assert.Single(inflow.Items).State);
        var mobile = await Task.WhenAll(outflow.Items.Select(r => new GetMobility(Db(), Time).Handle(r.Id)));
        Assert.Equal(3, mobile.Count(v => v.IsMobile)); // one left under six months ago (F-01), the one settled abroad three months ago

        // T-13-abroad: one studying abroad more than 5 years and one settled abroad, both prompted for review.
        Assert.Equal([AbroadKind.Settled, AbroadKind.Study], mobile.Where(v => v.Prompts.Count > 0).Select(v => v.Record.AbroadKind).OrderBy(k => k.ToString(), StringComparer.Ordinal).ToArray());

        // T-12-graduates: a graduate kept more than 2 years, in the alerts of the keeping organisation.
        var graduate = await Db().Members.AsNoTracking().SingleAsync(m => m.GraduationDate != null);
        Assert.Contains(await new global::Jishi.App.Alerts.ListAlerts(Db(), Time).Handle(null, null, 0),
            a => a.Rule == "T-12-graduates" && a.Overdue && a.Obligation!.OrgId == graduate.OrgId);

        foreach (var state in new[] { LostContactState.Searching, LostContactState.Suspended, LostContactState.Closed })
        {
            Assert.True((await new ListLostContacts(Db(), Time).Handle(null, state, null, 1, 50)).Total > 0, $"no demo lost contact {state}");
        }

        Assert.True((await new ListLostContacts(Db(), Time).Handle(null, null, LostContactDuration.SixMonthsToOneYear, 1, 50)).Total > 0);
        foreach (var r in (await new ListMobility(Db()).Handle(null, null, null, 1, 50)).Items)
        {
            Assert.True((await new VerifyMobilityIntegrity(Db()).Handle(r.Id)).Valid);
        }

        var deadlines = await Db().CaseDeadlines.AsNoTracking().ToListAsync();
        Assert.Contains(deadlines, d => d.Rule == "F-05-suspension" && d.DueDate < Today); // lost nine months, not yet suspended
        Assert.Contains(deadlines, d => d.Rule == "F-08-removal-as-lapsed");
        Assert.Equal(0, await new SeedDemoMobility(Db(), Time).Handle());
    }
}

public sealed class SeedDemoMobilityTests_Sqlite : SeedDemoMobilityTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
