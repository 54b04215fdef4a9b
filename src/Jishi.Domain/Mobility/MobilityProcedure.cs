using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;

namespace Jishi.Domain.Mobility;

/// <summary>流动党员 (MANAGEMENT.md §2, F-01…F-04) as a procedure of the engine: the outflow branch registers the
/// member who leaves without a formal transfer, keeps in touch every quarter (every half-year with a member abroad, and
/// reviews a member settled abroad or abroad more than 5 years, T-13), issues and checks the activity card; the
/// inflow branch registers them, may appraise them and records their leaving; the record ends on return.</summary>
public sealed class MobilityProcedure : Procedure<MobilityState, MobilityEvent, MobilityProgress, MobilityContext>
{
    public static readonly MobilityProcedure Instance = new();

    public static readonly Transitions<MobilityState> StateMachine = new(MobilityState.Away, nameof(OutflowRegistered),
    [
        new(MobilityState.Away, nameof(ContactLogged), Condition: "每季度至少一次（F-02）；出国（境）每半年至少一次（T-13）"),
        new(MobilityState.Away, nameof(InflowRegistered), MobilityState.AtInflowOrg),
        new(MobilityState.Away, nameof(ActivityCardIssued), Condition: "未持证（F-03）"),
        new(MobilityState.Away, nameof(ActivityCardChecked), Condition: "持证，每年一次（F-03）"),
        new(MobilityState.Away, nameof(AbroadReviewed), Condition: "出国（境）定居或学习研究超过5年（T-13）"),
        new(MobilityState.Away, nameof(Returned), MobilityState.Returned),
        new(MobilityState.Away, nameof(Ended), MobilityState.Ended),
        new(MobilityState.AtInflowOrg, nameof(ContactLogged), Condition: "每季度至少一次（F-02）；出国（境）每半年至少一次（T-13）"),
        new(MobilityState.AtInflowOrg, nameof(ActivityCardIssued), Condition: "未持证（F-03）"),
        new(MobilityState.AtInflowOrg, nameof(ActivityCardChecked), Condition: "持证，每年一次（F-03）"),
        new(MobilityState.AtInflowOrg, nameof(InflowAppraised), Condition: "流入地民主评议（F-04）"),
        new(MobilityState.AtInflowOrg, nameof(InflowDeparted), MobilityState.Away),
        new(MobilityState.AtInflowOrg, nameof(AbroadReviewed), Condition: "出国（境）定居或学习研究超过5年（T-13）"),
        new(MobilityState.AtInflowOrg, nameof(Returned), MobilityState.Returned),
        new(MobilityState.AtInflowOrg, nameof(Ended), MobilityState.Ended),
    ]);

    private static readonly Dictionary<string, Type> Types = new()
    {
        [nameof(OutflowRegistered)] = typeof(OutflowRegistered),
        [nameof(ContactLogged)] = typeof(ContactLogged),
        [nameof(InflowRegistered)] = typeof(InflowRegistered),
        [nameof(ActivityCardIssued)] = typeof(ActivityCardIssued),
        [nameof(ActivityCardChecked)] = typeof(ActivityCardChecked),
        [nameof(InflowAppraised)] = typeof(InflowAppraised),
        [nameof(InflowDeparted)] = typeof(InflowDeparted),
        [nameof(AbroadReviewed)] = typeof(AbroadReviewed),
        [nameof(Returned)] = typeof(Returned),
        [nameof(Ended)] = typeof(Ended),
    };

    /// <summary>Steps recorded by the inflow organisation when it is in this system (activity card parts 2 and 3; F-04).</summary>
    public static readonly IReadOnlySet<string> InflowSteps = new HashSet<string>
    {
        nameof(InflowRegistered), nameof(InflowAppraised), nameof(InflowDeparted),
    };

    public override ProcedureKind Kind => ProcedureKind.Mobility;

    public override Transitions<MobilityState> Table => StateMachine;

    public override IReadOnlyDictionary<string, Type> EventTypes => Types;

    public override MobilityProgress NewProgress() => new();

    protected override IEnumerable<FieldError> Fields(string type, DateOnly date, MobilityEvent data, MobilityProgress p) =>
        MobilityRules.Fields(data, date);

    protected override IEnumerable<Refusal> Rules(string type, DateOnly date, MobilityEvent data, MobilityProgress p, MobilityContext ctx) =>
        MobilityRules.Check(data, date, p, ctx);

    public override IReadOnlyList<ProcedureDeadline> Deadlines(MobilityProgress p) => MobilityRules.Deadlines(p);
}
