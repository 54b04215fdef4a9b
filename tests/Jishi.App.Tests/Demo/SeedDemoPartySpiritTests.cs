using Jishi.App.Alerts;
using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.OrgLife;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Demo;

public abstract class SeedDemoPartySpiritTests : UseCaseTest
{
    [Fact]
    public async Task SeedDemoPartySpirit_GivesTheCountyACampaignFiveYearsAgo_SoTheNextIsOwedInTheAlerts_L08()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();

        Assert.True(await new SeedDemoPartySpirit(Db(), Time).Handle() > 0);
        Assert.Equal(0, await new SeedDemoPartySpirit(Db(), Time).Handle()); // seeded once

        var county = await Db().Orgs.AsNoTracking().SingleAsync(o => o.Type == OrgType.CountyCommittee);
        var overview = await new GetPartySpiritAnalyses(Db()).Handle(county.Id);
        var campaign = Assert.Single(overview.Items);
        Assert.Equal((new DateOnly(2021, 11, 30), new DateOnly(2026, 11, 30)), (overview.LastEnded, overview.NextDue));
        Assert.InRange(campaign.Participants, 1, campaign.Members - 1);

        // On 2026-11-22 the next campaign is due within 30 days; from 2026-11-30 it is overdue.
        var soon = (await new ListAlerts(Db(), Time).Handle(null, null, 30)).Where(a => a.Obligation is { Rule: RuleIds.L08PartySpiritAnalysis }).ToList();
        Assert.Equal((county.Id, new DateOnly(2026, 11, 30), false), (Assert.Single(soon).Obligation!.OrgId, soon[0].DueDate, soon[0].Overdue));
        Assert.DoesNotContain(await new ListAlerts(Db(), Time).Handle(null, null, 0), a => a.Obligation is { Rule: RuleIds.L08PartySpiritAnalysis });
    }
}

public sealed class SeedDemoPartySpiritTests_Sqlite : SeedDemoPartySpiritTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SeedDemoPartySpiritTests_Postgres : SeedDemoPartySpiritTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
