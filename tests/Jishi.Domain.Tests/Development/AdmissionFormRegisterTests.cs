using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Tests.Development;

/// <summary>The 志愿书 serial register (R-18-admission-form-issuance, 第四十二条): batches, issue and void.</summary>
public sealed class AdmissionFormRegisterTests
{
    private static Decision IssueNext(CaseRun run, string serial = "GD-2026-000123")
    {
        var step = run.Next(CaseEventType.AdmissionFormIssued);
        return run.Decide(CaseEventType.AdmissionFormIssued, step.Date, step.Data with { Serial = serial });
    }

    [Theory]
    [InlineData("GD-2026-000001", "GD-2026-000500", "GD-2026-", 500)]
    [InlineData("GD-2026-000123", "GD-2026-000123", "GD-2026-", 1)]
    [InlineData("0001", "10000", null, 0)] // lengths differ
    [InlineData("A0001", "A9999", "A", 9999)]
    [InlineData("粤2026000001", "粤2026010000", "粤", 10000)]
    [InlineData("粤2026000001", "粤2026010001", null, 0)] // 10,001
    [InlineData("JS000000000099", "JS000000000100", "JS", 2)]
    public void SerialRange_Parse_CountsTheSerialsOfABatchOfAtMost10000(string first, string last, string? prefix, int count)
    {
        var errors = new List<FieldError>();

        var range = SerialRange.Parse(first, last, errors);

        if (prefix is null)
        {
            Assert.Null(range);
            Assert.Equal("last", Assert.Single(errors).Field);
            return;
        }

        Assert.Empty(errors);
        Assert.Equal(prefix, range!.Prefix);
        Assert.Equal(count, range.Count);
        Assert.Equal(first, range.First);
        Assert.Equal(last, range.Last);
        Assert.Equal(count, range.Serials().Distinct().Count());
        Assert.Equal(last, range.Serials().Last());
    }

    [Theory]
    [InlineData("GD-0100", "GD-0099", "last", "小于")]
    [InlineData("GD-0001", "GX-0009", "last", "前缀")]
    [InlineData("GD-0001", "GD-00009", "last", "长度")]
    [InlineData("GD-000A", "GD-0009", "first", "数字结尾")]
    [InlineData("", "GD-0009", "first", "起始编号")]
    [InlineData("GD-0001", " ", "last", "终止编号")]
    public void SerialRange_Parse_NamesTheFieldThatIsWrong(string first, string last, string field, string says)
    {
        var errors = new List<FieldError>();

        Assert.Null(SerialRange.Parse(first, last, errors));

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrgType.PrimaryCommittee, true, true)]
    [InlineData(OrgType.WorkingCommittee, true, true)]
    [InlineData(OrgType.CountyCommittee, false, true)]
    [InlineData(OrgType.CountyOrgDepartment, false, true)]
    [InlineData(OrgType.OrgDepartment, false, true)]
    [InlineData(OrgType.PrimaryCommittee, false, false)]
    [InlineData(OrgType.GeneralBranch, false, false)]
    [InlineData(OrgType.Branch, false, false)]
    public void MayHold_ACommitteeWithApprovalAuthorityACountyCommitteeOrADepartment_OthersAreRefusedByR18FormIssuance(OrgType type,
        bool approves, bool may)
    {
        var org = new OrgFacts("o1", "某组织", type, null, true, approves, false, true);

        var refusal = AdmissionFormRegister.MayHold(org);

        if (may)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Equal("R-18-admission-form-issuance", refusal!.Rule);
            Assert.Equal("第四十二条", refusal.Article);
        }
    }

    [Fact]
    public void AdmissionFormIssued_WithASerialNotInTheRegister_IsRefusedByR18FormIssuanceAsUnregistered()
    {
        var kit = new CaseKit { SerialState = _ => null };
        var run = kit.Open().RecordUntil(CaseEventType.AdmissionFormIssued);

        var refusal = Verdict.OnlyRefusedBy(IssueNext(run), "R-18-admission-form-issuance", RuleSeverity.Block);

        Assert.Equal("第四十二条", refusal.Article);
        Assert.Contains("志愿书编号未登记", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseKit.Committee, true)]
    [InlineData(CaseKit.County, true)]
    [InlineData(CaseKit.CountyOrgDept, true)]
    [InlineData(CaseKit.CommitteeOrgDept, true)]
    [InlineData(CaseKit.SecondBranch, false)]
    [InlineData(CaseKit.MobileOrg, false)]
    [InlineData(CaseKit.Province, false)]
    [InlineData("elsewhere", false)]
    public void AdmissionFormIssued_WithASerialHeldByACommitteeOutsideTheCasesChain_IsRefusedByR18FormIssuance(string holder, bool accepted)
    {
        var kit = new CaseKit { SerialHolder = _ => holder };
        var run = kit.Open().RecordUntil(CaseEventType.AdmissionFormIssued);

        var decision = IssueNext(run);

        if (accepted)
        {
            Verdict.Accepted(decision);
        }
        else
        {
            Assert.Contains("登记保管", Verdict.OnlyRefusedBy(decision, "R-18-admission-form-issuance", RuleSeverity.Block).Message,
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AdmissionFormIssued_ASecondSerialWhileTheFirstIsStillIssued_IsRefused_AfterTheFirstIsVoided_IsAccepted()
    {
        var states = new Dictionary<string, SerialState> { ["GD-2026-000123"] = SerialState.Available, ["GD-2026-000124"] = SerialState.Available };
        var kit = new CaseKit { SerialState = s => states.TryGetValue(s, out var st) ? st : null };
        var run = kit.Open().RecordThrough(CaseEventType.AdmissionFormIssued);
        states["GD-2026-000123"] = SerialState.Issued;
        var date = run.Next(CaseEventType.AdmissionVoteHeld).Date;

        var second = run.Decide(CaseEventType.AdmissionFormIssued, date, new EventData { Serial = "GD-2026-000124" });
        Assert.Contains("GD-2026-000123", Verdict.OnlyRefusedBy(second, "R-18-admission-form-issuance", RuleSeverity.Block).Message,
            StringComparison.Ordinal);

        states["GD-2026-000123"] = SerialState.Voided;
        Verdict.Accepted(run.Decide(CaseEventType.AdmissionFormIssued, date, new EventData { Serial = "GD-2026-000124" }));
    }

    [Fact]
    public void AdmissionVoteHeld_WhenTheCandidatesSerialWasVoided_IsRefusedByR18FormIssuance()
    {
        var state = SerialState.Available;
        var kit = new CaseKit { SerialState = _ => state };
        var run = kit.Open().RecordUntil(CaseEventType.AdmissionVoteHeld);
        state = SerialState.Issued;
        var vote = run.Next(CaseEventType.AdmissionVoteHeld);
        Verdict.Accepted(run.Decide(CaseEventType.AdmissionVoteHeld, vote.Date, vote.Data));

        state = SerialState.Voided;

        var refusal = Verdict.OnlyRefusedBy(run.Decide(CaseEventType.AdmissionVoteHeld, vote.Date, vote.Data), "R-18-admission-form-issuance",
            RuleSeverity.Block);
        Assert.Contains("已作废", refusal.Message, StringComparison.Ordinal);
    }
}
