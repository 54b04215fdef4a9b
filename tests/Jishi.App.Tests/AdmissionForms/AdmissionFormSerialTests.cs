using Jishi.App.Accounts;
using Jishi.App.AdmissionForms;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Accounts;
using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jishi.App.Tests.AdmissionForms;

/// <summary>The 志愿书 serial register (R-18-admission-form-issuance, 第四十二条): batches received, listing, voiding.</summary>
public abstract class AdmissionFormSerialTests : UseCaseTest
{
    private static readonly DateOnly Received = new(2026, 3, 2);

    private Task<SerialRangeRecorded> Record(Organisation org, string first, string last, Caller? caller = null, DateOnly? received = null) =>
        new RecordSerialRange(Db(caller), Time).Handle(new NewSerialRange(org.Id, first, last, received ?? Received, "省委组织部统一印制"));

    private Task<AdmissionFormSerialRecord> Void(string serial, string? reason = "填写错误", DateOnly? date = null, Caller? caller = null) =>
        new VoidAdmissionFormSerial(Db(caller), Time).Handle(serial, new SerialVoid(date ?? Today, reason));

    [Fact]
    public async Task RecordSerialRange_ABatchOf500_IsCounted_EachSerialAvailableUnderTheCommittee()
    {
        var tree = await BuildTreeAsync();

        var manager = new Caller("u-township", "township", "组织委员", Role.Manager, tree.Township.Id, tree.Township.Path);
        var batch = await Record(tree.Township, "GD-2026-000001", "GD-2026-000500", manager);

        Assert.Equal(500, batch.Count);
        Assert.Equal(("GD-2026-000001", "GD-2026-000500", tree.Township.Id), (batch.First, batch.Last, batch.OrgId));
        var rows = await Db().AdmissionFormSerials.AsNoTracking().OrderBy(x => x.Serial).ToListAsync();
        Assert.Equal(500, rows.Count);
        Assert.All(rows, r => Assert.Equal((SerialState.Available, tree.Township.Id, tree.Township.Path, batch.Id, (string?)null),
            (r.State, r.OrgId, r.OrgPath, r.BatchId, r.CaseId)));
        Assert.Equal("GD-2026-000250", rows[249].Serial);
        var stored = Assert.Single(await Db().AdmissionFormBatches.AsNoTracking().ToListAsync());
        Assert.Equal((500, Received, "省委组织部统一印制", "u-township"), (stored.Count, stored.ReceivedDate, stored.Note, stored.RecordedBy));
    }

    [Fact]
    public async Task RecordSerialRange_OverlappingRegisteredSerials_IsRefusedByR18NamingTheFirstClash_AndNothingIsStored()
    {
        var tree = await BuildTreeAsync();
        await Record(tree.County, "GD-2026-000100", "GD-2026-000199");

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => Record(tree.Township, "GD-2026-000150", "GD-2026-000300"));

        var refusal = Assert.Single(e.Refusals);
        Assert.Equal(("R-18-admission-form-issuance", RuleSeverity.Block, "第四十二条"), (refusal.Rule, refusal.Severity, refusal.Article));
        Assert.Contains("GD-2026-000150", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(100, await CountAsync<AdmissionFormSerialRecord>());
        Assert.Equal(1, await CountAsync<AdmissionFormBatchRecord>());
    }

    [Fact]
    public async Task RecordSerialRange_Of10000_IsAccepted_Of10001_IsRefusedNamingLast()
    {
        var tree = await BuildTreeAsync();

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Record(tree.County, "A100000", "A110000"));
        Assert.Contains("10001", AssertSingleField(e, "last"), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<AdmissionFormSerialRecord>());

        var batch = await Record(tree.County, "A100000", "A109999");
        Assert.Equal(10_000, batch.Count);
        Assert.Equal(10_000, await CountAsync<AdmissionFormSerialRecord>());
    }

    [Theory]
    [InlineData("GD-0100", "GD-0099", "last")]
    [InlineData("GD-0001", "GX-0009", "last")]
    [InlineData("GD-0001", "GD-00009", "last")]
    [InlineData("GD-000A", "GD-0009", "first")]
    [InlineData(null, "GD-0009", "first")]
    public async Task RecordSerialRange_WithAMalformedRange_IsInvalidNamingTheField(string? first, string last, string field)
    {
        var tree = await BuildTreeAsync();

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Record(tree.County, first!, last));

        AssertSingleField(e, field);
        Assert.Equal(0, await CountAsync<AdmissionFormSerialRecord>());
    }

    [Fact]
    public async Task RecordSerialRange_WithoutOrgOrDate_OrDatedTomorrow_IsRefused()
    {
        var tree = await BuildTreeAsync();

        var missing = await Assert.ThrowsAsync<InvalidInputException>(() =>
            new RecordSerialRange(Db(), Time).Handle(new NewSerialRange(null, "GD-0001", "GD-0009", null)));
        Assert.Equal(["orgId", "receivedDate"], missing.Errors.Select(x => x.Field).Order());

        var future = await Assert.ThrowsAsync<RuleViolationException>(() => Record(tree.County, "GD-0001", "GD-0009", received: Today.AddDays(1)));
        Assert.Equal("G-05-dates", Assert.Single(future.Refusals).Rule);
        Assert.Equal(0, await CountAsync<AdmissionFormSerialRecord>());
    }

    [Fact]
    public async Task RecordSerialRange_ForABranchOrACommitteeWithoutApprovalAuthority_IsRefusedByR18()
    {
        var tree = await BuildTreeAsync();
        var village = await CreateOrgAsync("某村党委", OrgType.PrimaryCommittee, tree.Township);

        foreach (var org in new[] { tree.BranchA, tree.GeneralBranch, village })
        {
            var e = await Assert.ThrowsAsync<RuleViolationException>(() => Record(org, "GD-0001", "GD-0009"));
            Assert.Equal("R-18-admission-form-issuance", Assert.Single(e.Refusals).Rule);
        }

        var department = await CreateOrgAsync("中共安和县委组织部", OrgType.CountyOrgDepartment, tree.County);
        Assert.Equal(9, (await Record(department, "GD-0001", "GD-0009")).Count);
    }

    [Fact]
    public async Task RecordSerialRange_ByAViewer_IsForbidden_OutsideTheCallersScope_IsNotFound()
    {
        var tree = await BuildTreeAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Record(tree.Township, "GD-0001", "GD-0009", ViewerOf(tree.County)));
        var e = await Assert.ThrowsAsync<NotFoundException>(() => Record(tree.County, "GD-0001", "GD-0009", ManagerOf(tree.Township)));
        Assert.Equal("orgId", e.Field);
        Assert.Equal(0, await CountAsync<AdmissionFormSerialRecord>());
    }

    [Fact]
    public async Task ListAdmissionFormSerials_FiltersByOrgStateAndSerial_WithinTheCallersScope()
    {
        var tree = await BuildTreeAsync();
        await Record(tree.County, "X001", "X010");
        await Record(tree.Township, "Y001", "Y020");
        await Void("Y005");

        var township = new ListAdmissionFormSerials(Db(ManagerOf(tree.Township)));
        Assert.Equal(20, (await township.Handle(null, null, null, 1, 5)).Total);
        Assert.Equal(5, (await township.Handle(null, null, null, 1, 5)).Items.Count);
        Assert.Equal(30, (await new ListAdmissionFormSerials(Db()).Handle(null, null, null, 1, 50)).Total);
        Assert.Equal(20, (await new ListAdmissionFormSerials(Db()).Handle(tree.Township.Id, null, null, 1, 50)).Total);
        var voided = await township.Handle(null, "Voided", null, 1, 50);
        Assert.Equal("Y005", Assert.Single(voided.Items).Serial);
        Assert.Equal(["Y010"], (await township.Handle(null, null, "Y01", 1, 50)).Items.Select(x => x.Serial).Take(1));
        Assert.Equal(0, (await new ListAdmissionFormSerials(Db(ManagerOf(tree.BranchA))).Handle(null, null, null, 1, 50)).Total);
        AssertSingleField(await Assert.ThrowsAsync<InvalidInputException>(() => township.Handle(null, "Lost", null, 1, 50)), "state");
        await Assert.ThrowsAsync<NotFoundException>(() => new GetAdmissionFormSerial(Db(ManagerOf(tree.Township))).Handle("X001"));
    }

    [Fact]
    public async Task VoidAdmissionFormSerial_AnAvailableSerial_IsVoidedWithDateAndReason_ASecondVoidIsAConflict()
    {
        var tree = await BuildTreeAsync();
        await Record(tree.Township, "GD-0001", "GD-0009");

        var manager = new Caller("u-township", "township", "组织委员", Role.Manager, tree.Township.Id, tree.Township.Path);
        var voided = await Void("GD-0003", "污损", Today.AddDays(-1), manager);

        Assert.Equal((SerialState.Voided, Today.AddDays(-1), "污损"), (voided.State, voided.VoidedDate, voided.VoidReason));
        var stored = await new GetAdmissionFormSerial(Db()).Handle("GD-0003");
        Assert.Equal(SerialState.Voided, stored.State);
        var again = await Assert.ThrowsAsync<ConflictException>(() => Void("GD-0003"));
        Assert.Contains("已", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VoidAdmissionFormSerial_WithoutReason_IsInvalid_ByAViewerForbidden_OutOfScopeNotFound()
    {
        var tree = await BuildTreeAsync();
        await Record(tree.County, "GD-0001", "GD-0009");

        AssertSingleField(await Assert.ThrowsAsync<InvalidInputException>(() => Void("GD-0001", reason: " ")), "reason");
        await Assert.ThrowsAsync<ForbiddenException>(() => Void("GD-0001", caller: ViewerOf(tree.County)));
        await Assert.ThrowsAsync<NotFoundException>(() => Void("GD-0001", caller: ManagerOf(tree.Township)));
        await Assert.ThrowsAsync<NotFoundException>(() => Void("GD-9999"));
        Assert.Equal(SerialState.Available, (await new GetAdmissionFormSerial(Db()).Handle("GD-0001")).State);
    }

    [Fact]
    public async Task Migration_KeepsASerialIssuedBeforeTheRegister_HeldByTheCasesOrganisation()
    {
        var tree = await BuildTreeAsync();
        var person = await CreatePersonAsync("张旧号", tree.BranchA);
        var opened = await new OpenCase(Db(), Time, new GetCase(Db())).Handle(
            new NewCase(person.Id, tree.BranchA.Id, new DateOnly(2025, 1, 6), ReceivingOrgRelation.ResidenceOrg));
        var db = Db();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("Attachments");
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO admission_form_serials ("Serial", "CaseId", "IssuedDate", "State") VALUES ('OLD-0001', {opened.Case.Id}, {new DateOnly(2025, 6, 12)}, 'Issued')""");

        await migrator.MigrateAsync();

        var kept = await new GetAdmissionFormSerial(Db()).Handle("OLD-0001");
        Assert.Equal((SerialState.Issued, opened.Case.Id, (DateOnly?)new DateOnly(2025, 6, 12), tree.BranchA.Id, tree.BranchA.Path),
            (kept.State, kept.CaseId, kept.IssuedDate, kept.OrgId, kept.OrgPath));
        Assert.Empty(await Db().Database.GetPendingMigrationsAsync());
    }
}

public sealed class AdmissionFormSerialTests_Sqlite : AdmissionFormSerialTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class AdmissionFormSerialTests_Postgres : AdmissionFormSerialTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
