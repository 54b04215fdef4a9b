using Jishi.Domain.Rules;

namespace Jishi.Domain.Development;

/// <summary>重新入党 after a disposal (MANAGEMENT.md X-06-readmission-bar; S12 "受到劝其退党或者除名处置的，5年内不得重新入党").</summary>
public static class ReadmissionRules
{
    private const string S12 = "《中国共产党党员组织处置办法（试行）》";

    public static IEnumerable<Refusal> Check(RuleInput x)
    {
        if (x.Type == CaseEventType.AdmissionVoteHeld && Bar(x.Ctx.ReadmissionBarUntil, x.Ctx.Person.Name, x.Date, atVote: true) is { } r)
        {
            yield return r;
        }
    }

    /// <summary>X-06-readmission-bar: before <paramref name="barUntil"/> (the approval of the 劝退 or 除名 + 5 years, G-02)
    /// the application is a WARN and the admission vote a BLOCK; from that date on, nothing.</summary>
    public static Refusal? Bar(DateOnly? barUntil, string personName, DateOnly date, bool atVote)
    {
        if (barUntil is not { } until || date >= until)
        {
            return null;
        }

        var message = $"{personName} 曾受劝退或除名处置，{until:yyyy-MM-dd} 前不得重新入党";
        return atVote
            ? Refusal.Block(RuleIds.X06ReadmissionBar, S12, $"{message}：{date:yyyy-MM-dd} 不能讨论接收其为预备党员")
            : Refusal.Warn(RuleIds.X06ReadmissionBar, S12, $"{message}：可以受理申请，但支部大会讨论接收须在 {until:yyyy-MM-dd} 以后");
    }
}
