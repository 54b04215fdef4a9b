using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.App.Tests.Infrastructure;
using Jishi.Domain.Development;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Tests.Demo;

public abstract class SeedDemoCasesTests : UseCaseTest
{
    [Fact]
    public async Task SeedDemoCases_GivesTheDemoApplicantsCasesAtEveryStage_EachRecordedThroughTheRules()
    {
        var calendar = new OfficialCalendar();
        await calendar.InitialiseAsync(Db(), Time);
        await new SeedDemo(Db(), Time).Handle();

        var seeded = await new SeedDemoCases(Db(), Time, calendar).Handle();

        Assert.Equal(14, seeded);
        var cases = await Db().Cases.AsNoTracking().ToListAsync();
        Assert.Equal(4, cases.Count(c => c.Stage == DevelopmentStage.Applicant));
        Assert.Equal(4, cases.Count(c => c.Stage == DevelopmentStage.Activist));
        Assert.Equal(4, cases.Count(c => c.Stage == DevelopmentStage.Candidate));
        // Assembly 2026-07-22, probation to 2027-07-22; and assembly 2025-07-22, confirmed on time 2026-07-22.
        var probationary = Assert.Single(cases, c => c.Stage == DevelopmentStage.ProbationaryMember);
        Assert.Equal(new DateOnly(2026, 7, 22), probationary.AssemblyDate);
        Assert.Equal(new DateOnly(2027, 7, 22), probationary.ExpiryDate);
        var full = Assert.Single(cases, c => c.Stage == DevelopmentStage.FullMember);
        Assert.Equal(new DateOnly(2026, 7, 22), full.PartyAgeStartDate);
        Assert.Equal(1, await Db().AdmissionFormSerials.AsNoTracking().CountAsync(x => x.CaseId == probationary.Id && x.State == SerialState.Issued));
        Assert.All(cases, c => Assert.Equal(CaseStatus.Open, c.Status));
        foreach (var c in cases)
        {
            var integrity = await new VerifyCaseIntegrity(Db()).Handle(c.Id);
            Assert.True(integrity.Valid, $"case {c.Id} chain");
        }

        // Candidates listed under the 2026 rules went through a notice; the mobile one through notices at both places.
        var notices = await Db().CaseEvents.AsNoTracking().Where(e => e.Type == CaseEventType.PublicNoticeEnded).CountAsync();
        Assert.InRange(notices, 4, 8);

        // Each committee with approval authority holds one batch of 100 志愿书 to issue (R-18-admission-form-issuance).
        var approving = await Db().Orgs.AsNoTracking().Where(o => o.HasAdmissionApprovalAuthority).Select(o => o.Id).ToListAsync();
        var held = (await Db().AdmissionFormSerials.AsNoTracking().Where(x => x.State == SerialState.Available)
            .Select(x => x.OrgId).ToListAsync()).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(approving);
        Assert.Equal(approving.Order(), held.Keys.Order());
        Assert.Equal((approving.Count * 100) - 2, held.Values.Sum()); // two 志愿书 issued to the admitted demo cases
        Assert.Equal(0, await new SeedDemoCases(Db(), Time, calendar).Handle());
    }
}

public sealed class SeedDemoCasesTests_Sqlite : SeedDemoCasesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SeedDemoCasesTests_Postgres : SeedDemoCasesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
