using Jishi.App.Alerts;
using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.Dues;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Dues;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Demo;

public abstract class SeedDemoDuesTests : UseCaseTest
{
    [Fact]
    public async Task SeedDemoDues_GivesTwoBranchesAYearOfDues_WithArrearsABackPaymentAReversal_AndALedgerThatReconciles()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();
        await new SeedDemoCases(Db(), Time, calendar).Handle();
        await new SeedDemoTransfers(Db(), Time, calendar).Handle();
        await new SeedDemoMobility(Db(), Time).Handle();

        Assert.True(await new SeedDemoDues(Db(), Time).Handle() > 150);
        Assert.Equal(0, await new SeedDemoDues(Db(), Time).Handle()); // seeded once

        var payments = await Db().DuesPayments.AsNoTracking().ToListAsync();
        Assert.Single(payments, p => p.ReversesPaymentId is not null);
        Assert.Single(payments, p => p.OverridesJson?.Contains("D-16-back-payment", StringComparison.Ordinal) == true);
        Assert.Single(payments, p => p.OverridesJson?.Contains("D-12-payment-timing", StringComparison.Ordinal) == true);
        Assert.Single(payments, p => p.PaidBy == DuesPayer.Relative);
        Assert.Single(payments, p => p.VoluntaryExtra >= DuesPaymentRules.LargeVoluntary);

        var branches = payments.Select(p => p.OrgId).Distinct().ToList();
        Assert.Equal(2, branches.Count);
        var lines = new List<DuesSheetLine>();
        foreach (var b in branches)
        {
            lines.AddRange((await new GetDuesSheet(Db(), Time).Handle(b, "2026-11")).Items);
        }

        Assert.Contains(lines, l => l.LongestArrearsRun >= 6);
        Assert.Contains(lines, l => l.Relief == DuesReliefKind.Reduction);

        // The first branch's ledger: its months' collection is what its sheets received, and the balance adds up.
        var ledgers = await Task.WhenAll(branches.Select(b => new GetDuesLedger(Db(), Time).Handle(b, 2026)));
        var first = Assert.Single(ledgers, l => l.Entries.Count > 0);
        var sheets = new List<decimal>();
        foreach (var month in Enumerable.Range(1, 12))
        {
            sheets.Add((await new GetDuesSheet(Db(), Time).Handle(first.OrgId, $"2026-{month:D2}")).Totals.Received);
        }

        Assert.Equal(sheets, first.Months.Select(m => m.Collected));
        Assert.Equal(first.Opening + first.Collected + first.Interest - first.Remitted - first.Spent, first.Closing);
        Assert.True(first.Remitted > 0 && first.Spent > 0);

        // Last year's publication is recorded for the first branch only; the rest of last year's D-20 duties are due.
        var owed = (await new ListAlerts(Db(), Time).Handle(null, null, 0)).Where(a => a.Obligation is not null && a.Rule == "D-20-publication-and-report").ToList();
        Assert.Equal(3, owed.Count); // the first branch's report, the second branch's publication and report
    }
}

public sealed class SeedDemoDuesTests_Sqlite : SeedDemoDuesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SeedDemoDuesTests_Postgres : SeedDemoDuesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
