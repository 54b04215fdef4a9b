using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.Disposals;
using Jishi.App.OrgLife;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Disposals;
using Jishi.Domain.OrgLife;

namespace Jishi.App.Tests.Demo;

/// <summary>The demo's disposal cases, as the run command seeds them: the second branch's lapse candidate proposed for
/// 自行脱党除名 and awaiting the assembly, another member under 限期改正 with its deadline six months on; each through the
/// rules, each hash chain intact.</summary>
public abstract class SeedDemoDisposalsTests : UseCaseTest
{
    [Fact]
    public async Task SeedDemoDisposals_OpensTheLapseCandidatesRemoval_AndACorrectionPeriod_ThroughTheRules()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();
        await new SeedDemoCases(Db(), Time, calendar).Handle();
        await new SeedDemoTransfers(Db(), Time, calendar).Handle();
        await new SeedDemoMobility(Db(), Time).Handle();
        await new SeedDemoDues(Db(), Time).Handle();
        await new SeedDemoMeetings(Db(), Time).Handle();
        await new SeedDemoAppraisals(Db(), Time).Handle();

        Assert.Equal(9, await new SeedDemoDisposals(Db(), Time).Handle());
        Assert.Equal(0, await new SeedDemoDisposals(Db(), Time).Handle()); // seeded once

        var (items, total) = await new ListDisposals(Db()).Handle(null, null, null, 1, 20);
        Assert.Equal(2, total);
        var removal = Assert.Single(items, r => r.Measure == DisposalMeasure.RemovalAsLapsed);
        Assert.Equal((DisposalGround.Lapse6Months, DisposalState.Investigating), (removal.Ground, removal.State));
        var lapse = await new ListLapse(Db(), Time).Handle(removal.OrgId, null);
        Assert.Contains(lapse.Items, i => i.MemberId == removal.MemberId && i.Level == LapseLevel.LapseCandidate);

        var correction = Assert.Single(items, r => r.Measure == DisposalMeasure.CorrectionWithinDeadline);
        Assert.Equal(DisposalState.Correcting, correction.State);
        Assert.Equal(Today.AddDays(-80).AddMonths(6), correction.CorrectionDeadline);
        Assert.NotEqual(removal.MemberId, correction.MemberId);

        var view = await new GetDisposal(Db()).Handle(removal.Id);
        Assert.Equal(["DisposalProposed", "FiledWithCommittee", "Investigated", "TalkHeld"], view.Procedure.Events.Select(e => e.Type));
        Assert.Contains("AssemblyDecided", view.Procedure.NextSteps);
        foreach (var r in items)
        {
            Assert.True((await new VerifyDisposalIntegrity(Db()).Handle(r.Id)).Valid);
        }

        Assert.NotEmpty((await new GetDisposal(Db()).Handle(correction.Id)).Procedure.Deadlines); // the review after the deadline
    }
}

public sealed class SeedDemoDisposalsTests_Sqlite : SeedDemoDisposalsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SeedDemoDisposalsTests_Postgres : SeedDemoDisposalsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
