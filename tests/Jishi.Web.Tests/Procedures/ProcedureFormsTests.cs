using System.Text.Json;
using Jishi.Domain.Disposals;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Mobility;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Transfers;
using Jishi.Web.Api;
using Jishi.Web.Components.Cases;
using Jishi.Web.Components.Procedures;
using Microsoft.Extensions.Primitives;

namespace Jishi.Web.Tests.Procedures;

/// <summary>The step forms every procedure's pages derive from its event records: every field labelled in Chinese,
/// every field given an input, and a posted form read by the API's own parser into the step's typed record.</summary>
public sealed class ProcedureFormsTests
{
    private static readonly IReadOnlyDictionary<string, Type>[] Procedures =
        [TransferProcedure.Instance.EventTypes, MobilityProcedure.Instance.EventTypes, LostContactProcedure.Instance.EventTypes,
            DisposalProcedure.Instance.EventTypes];

    [Fact]
    public void EveryFieldOfEveryStep_HasAChineseLabel_AndAnInput()
    {
        var records = Procedures.SelectMany(p => p.Values).ToList();
        Assert.Empty(ProcedureForms.Unlabelled(records));
        foreach (var record in records)
        {
            foreach (var field in ProcedureForms.For(record))
            {
                Problem.AssertChinese(field.Label);
                Assert.True(field.Kind != FieldKind.Choice || field.Options.All(o => o.Label != o.Value), $"{record.Name}.{field.Name}: a choice without labels");
            }
        }
    }

    [Fact]
    public void APostedForm_IsReadByTheApisParser_IntoTheStepsOwnRecord()
    {
        var form = new Dictionary<string, StringValues>
        {
            ["date"] = "2026-11-01",
            ["year"] = "2026",
            ["grade"] = "Qualified",
            ["note"] = "流入地党支部评议",
            ["override.F-04-inflow-appraisal"] = "补录",
            ["unrelated"] = "ignored",
        };
        var json = ProcedureForms.ToJson(nameof(InflowAppraised), typeof(InflowAppraised), form);
        var step = ProcedureJson.ParseEvent<MobilityEvent>(JsonSerializer.SerializeToElement(json), MobilityProcedure.Instance.EventTypes,
            nameof(OutflowRegistered), "流动党员登记");

        var appraisal = Assert.IsType<InflowAppraised>(step.Data);
        Assert.Equal((2026, AppraisalGrade.Qualified, "流入地党支部评议"), (appraisal.Year!.Value, appraisal.Grade!.Value, appraisal.Note!));
        Assert.Equal(new DateOnly(2026, 11, 1), step.Date);
        Assert.Equal("F-04-inflow-appraisal", Assert.Single(step.Overrides).Rule);

        var opening = ProcedureForms.ToJson(nameof(OutflowRegistered), typeof(OutflowRegistered),
            new Dictionary<string, StringValues> { ["date"] = "2026-03-01", ["memberId"] = "m1" }, dateField: "leftDate");
        Assert.Equal("2026-03-01", opening["leftDate"]!.GetValue<string>());
        Assert.Null(opening["date"]);
    }

    [Fact]
    public void ARecordedStep_IsDescribedInTheUsersWords()
    {
        var lines = ProcedureForms.Describe(typeof(Rejected), """{"reasonCode":"IncompleteMaterials","reason":"缺入党志愿书","note":null}""", _ => null);
        Assert.Equal([("不予接收的理由", "材料不全"), ("具体理由", "缺入党志愿书")], lines);
        var named = ProcedureForms.Describe(typeof(SuspensionApproved), """{"approvingOrgId":"o1"}""", id => id == "o1" ? "某镇党委" : null);
        Assert.Equal([("批准的党组织", "某镇党委")], named);
    }
}
