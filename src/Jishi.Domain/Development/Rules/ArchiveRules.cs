using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>材料归档 — 《细则》第三十六条 .</summary>
public static class ArchiveRules
{
    /// <summary>The materials of a new member's file: the 2026 rules name both 登记表 (RULES.md §1 D17).</summary>
    public static IReadOnlyList<DocumentType> Required(RulesVersion version) => version == RulesVersion.Rules2026
        ?
        [
            DocumentType.AdmissionForm, DocumentType.ApplicationLetter, DocumentType.ActivistRecordForm,
            DocumentType.PoliticalReviewFile, DocumentType.ProbationRecordForm, DocumentType.FullMembershipRequest,
        ]
        : [DocumentType.AdmissionForm, DocumentType.ApplicationLetter, DocumentType.PoliticalReviewFile, DocumentType.FullMembershipRequest];

    public static IEnumerable<Refusal> Check(RuleInput x)
    {
        if (x.Type != CaseEventType.ArchiveSubmitted)
        {
            yield break;
        }

        var org = x.Ctx.Org(x.Data.ArchivedWithOrgId)!;
        if (!org.IsCommittee && org.Type is not (OrgType.CountyOrgDepartment or OrgType.OrgDepartment))
        {
            yield return Refusal.Block(RuleIds.R36Archive, "第三十六条", $"材料应交党委或县级党委组织部门保管：“{org.Name}”（{org.Type.Label()}）不是");
        }

        // Handed over: declared with the step (paper) or attached to the case as a scan (electronic archive).
        var given = x.Data.Materials ?? [];
        var missing = Required(x.Version).Where(d => !given.Contains(d) && !x.Ctx.AttachedDocuments.Contains(d)).ToList();
        if (missing.Count > 0)
        {
            yield return Refusal.BlockWithException(RuleIds.R36Archive, "第三十六条",
                "归档材料不全，尚缺：" + string.Join("、", missing.Select(AdmissionRules.Label)) + "；如材料遗失，须记录经党委批准的遗失说明（例外）");
        }
    }
}
