using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.Tests.Infrastructure;
using Jishi.App.Transfers;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Demo;

public abstract class SeedDemoTransfersTests : UseCaseTest
{
    [Fact]
    public async Task SeedDemoTransfers_GivesTransfersInEveryState_EachRecordedThroughTheRules()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();
        await new SeedDemoCases(Db(), Time, calendar).Handle();

        Assert.Equal(9, await new SeedDemoTransfers(Db(), Time, calendar).Handle());

        var all = await new ListTransfers(Db(), Time).Handle(null, null, null, 1, 50);
        Assert.Equal(9, all.Total);
        foreach (var state in new[] { TransferState.Accepted, TransferState.Received, TransferState.Issued, TransferState.Expired, TransferState.Rejected, TransferState.Withdrawn })
        {
            Assert.True((await new ListTransfers(Db(), Time).Handle(null, null, state, 1, 50)).Total > 0, $"no demo transfer {state}");
        }

        // A state that is not one (?state=99) is bad input, not an empty register.
        await Assert.ThrowsAsync<Domain.Rules.InvalidInputException>(() => new ListTransfers(Db(), Time).Handle(null, null, (TransferState)99, 1, 50));

        foreach (var t in all.Items)
        {
            Assert.True((await new VerifyTransferIntegrity(Db()).Handle(t.Id)).Valid);
        }

        Assert.Contains(await Db().CaseDeadlines.AsNoTracking().ToListAsync(), d => d.Rule == "T-07-receipt" && d.DueDate < Today);
        Assert.Equal(0, await new SeedDemoTransfers(Db(), Time, calendar).Handle());
    }
}

public sealed class SeedDemoTransfersTests_Sqlite : SeedDemoTransfersTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
