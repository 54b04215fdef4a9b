using Jishi.Domain.Membership;
using Jishi.Domain.Transfers;
using Jishi.Web.Components.Cases;

namespace Jishi.Web.Tests.Transfers;

/// <summary>Every value the transfer pages and the member history show has its Chinese word (GLOSSARY.md).</summary>
public sealed class TransferLabelsTests
{
    [Fact]
    public void EveryTransferAndHistoryValue_HasAChineseLabel()
    {
        var values = Enum.GetValues<TransferState>().Select(v => (typeof(TransferState), v.ToString()))
            .Concat(Enum.GetValues<TransferKind>().Select(v => (typeof(TransferKind), v.ToString())))
            .Concat(Enum.GetValues<TransferRejectionReason>().Select(v => (typeof(TransferRejectionReason), v.ToString())))
            .Concat(Enum.GetValues<MembershipChange>().Select(v => (typeof(MembershipChange), v.ToString())));
        foreach (var (type, name) in values)
        {
            var label = Labels.Of(type, name);
            Assert.True(label != name, $"{type.Name}.{name} has no Chinese label");
            Problem.AssertChinese(label);
        }

        foreach (var step in TransferProcedure.Instance.EventTypes.Keys)
        {
            Assert.True(Labels.TransferStep(step) != step, $"transfer step {step} has no Chinese label");
        }
    }
}
