using Jishi.App.LostContacts;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Mobility;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Procedures;
using Jishi.Web.Components.Cases;

namespace Jishi.Web.Tests.Mobility;

/// <summary>Every value and step the 流动党员 and 失联党员 pages show has its Chinese word, and every deadline its words.</summary>
public sealed class MobilityLabelsTests
{
    private static IEnumerable<(Type Type, string Name)> ValuesOf(params Type[] enums) =>
        enums.SelectMany(t => Enum.GetNames(t).Select(n => (t, n)));

    [Fact]
    public void EveryMobilityAndLostContactValue_HasAChineseLabel()
    {
        foreach (var (type, name) in ValuesOf(typeof(MobilityState), typeof(MobileCategory), typeof(ContactMethod), typeof(AppraisalGrade),
                     typeof(LostContactState), typeof(LostContactCircumstance), typeof(LostContactDuration)))
        {
            var label = Labels.Of(type, name);
            Assert.True(label != name, $"{type.Name}.{name} has no Chinese label");
            Problem.AssertChinese(label);
        }
    }

    [Fact]
    public void EveryStepAndDeadline_HasItsWords()
    {
        var steps = MobilityProcedure.Instance.EventTypes.Keys.Select(k => (ProcedureKind.Mobility, k))
            .Concat(LostContactProcedure.Instance.EventTypes.Keys.Select(k => (ProcedureKind.LostContact, k)));
        foreach (var (kind, step) in steps)
        {
            Assert.True(Labels.Step(kind, step) != step, $"{kind} step {step} has no Chinese label");
        }

        foreach (var rule in new[] { "F-02-contact", "F-03-activity-card", "F-05-suspension", "F-08-removal-as-lapsed" })
        {
            Assert.True(Labels.Deadline(rule) != rule, $"deadline {rule} has no words");
        }
    }
}
