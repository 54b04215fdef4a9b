using Jishi.Domain.Dues;

namespace Jishi.Domain.OrgLife;

/// <summary>What a member has gone without for months in a row (RULES.md M-15-lapse-6-months).</summary>
public enum LapseGround
{
    /// <summary>连续6个月不参加党的组织生活.</summary>
    OrgLife,

    /// <summary>连续6个月不交纳党费.</summary>
    Dues,
}

/// <summary>A recorded reason that takes months out of the lapse count.</summary>
public enum LapseExemptionKind
{
    /// <summary>正当理由（如长期外出、患病住院）：所列月份不计入连续月数.</summary>
    JustifiedReason,

    /// <summary>年老体弱、行动不便（L-06）：不以出席组织生活的情况提示，保留党员权利.</summary>
    ElderlyOrInfirm,
}

/// <summary>How far a member's run of months has gone: an early warning at three months (P-11), a lapse candidate at
/// six (M-15). Never a removal: 除名 needs the branch assembly's decision and the higher committee's approval.</summary>
public enum LapseLevel
{
    /// <summary>连续3个月（预警，P-11）.</summary>
    EarlyWarning,

    /// <summary>连续6个月（M-15，须支部研究处置）.</summary>
    LapseCandidate,
}

/// <summary>The current run of months of one ground, ending at the last month counted.</summary>
public sealed record LapseRun(LapseGround Ground, DuesMonth Since, int Months)
{
    public LapseLevel? Level => Months >= LapseRules.CandidateMonths ? LapseLevel.LapseCandidate
        : Months >= LapseRules.EarlyWarningMonths ? LapseLevel.EarlyWarning
        : null;
}

/// <summary>A member's participation in one month of organisational life, from the rosters of that month's meetings.</summary>
public enum MonthAttendance
{
    /// <summary>On no roster that month (no meeting, or not yet a member).</summary>
    NoMeeting,

    /// <summary>On a roster, absent from every meeting.</summary>
    Absent,

    /// <summary>Present at a meeting, or on leave with a reason, or excused (L-06).</summary>
    Took,
}

/// <summary>
/// M-15-lapse-6-months: the member runs that make a 6-month lapse candidate — without a recorded justified reason, six
/// consecutive months without taking part in organisational life, or six consecutive dues-months unpaid — and the early
/// warning at three (P-11). Pure: the application supplies the months.
/// </summary>
public static class LapseRules
{
    public const string Article = "中办发〔2013〕4号（十五）；《中国共产党党员权利保障条例》；《关于中国共产党党费收缴、使用和管理的规定》第十三条";

    public const int CandidateMonths = 6;

    public const int EarlyWarningMonths = 3;

    /// <summary>The last month counted on <paramref name="asOf"/>: its own month once it has ended (its last day), else
    /// the month before — a month still running is not yet missed.</summary>
    public static DuesMonth LastCounted(DateOnly asOf) =>
        asOf == DuesMonth.Of(asOf).LastDay ? DuesMonth.Of(asOf) : DuesMonth.Of(asOf).AddMonths(-1);

    /// <summary>
    /// The run of unpaid dues-months ending at <paramref name="last"/>: each month back from it that is in
    /// <paramref name="unpaid"/> and not <paramref name="justified"/> (paid, 免交 and justified months end the run).
    /// </summary>
    public static LapseRun DuesRun(IReadOnlyCollection<DuesMonth> unpaid, DuesMonth last, IReadOnlySet<DuesMonth> justified)
    {
        var set = unpaid as IReadOnlySet<DuesMonth> ?? unpaid.ToHashSet();
        return Run(LapseGround.Dues, last, m => set.Contains(m) && !justified.Contains(m));
    }

    /// <summary>
    /// The run of months without organisational life ending at <paramref name="last"/>: back from it, every month the
    /// member did not take part in — absent from that month's meetings, or on no roster because the branch held none —
    /// from the first month the member was on a roster (the system knows nothing of the member's life before that); a
    /// month taken part in or <paramref name="justified"/> ends the run. A run without a single absence is not the
    /// member's (the branch held no meetings: L-01's matter), so it counts nothing.
    /// </summary>
    public static LapseRun OrgLifeRun(IReadOnlyDictionary<DuesMonth, MonthAttendance> months, DuesMonth last, IReadOnlySet<DuesMonth> justified)
    {
        if (months.Count == 0)
        {
            return new LapseRun(LapseGround.OrgLife, last.AddMonths(1), 0);
        }

        var first = months.Keys.Min();
        var run = Run(LapseGround.OrgLife, last, m => m >= first && !justified.Contains(m)
            && months.GetValueOrDefault(m, MonthAttendance.NoMeeting) != MonthAttendance.Took);
        var absent = Enumerable.Range(0, run.Months).Any(i => months.GetValueOrDefault(run.Since.AddMonths(i)) == MonthAttendance.Absent);
        return absent ? run : new LapseRun(LapseGround.OrgLife, last.AddMonths(1), 0);
    }

    private static LapseRun Run(LapseGround ground, DuesMonth last, Func<DuesMonth, bool> lapsed)
    {
        var count = 0;
        while (count < 1200 && lapsed(last.AddMonths(-count)))
        {
            count++;
        }

        return new LapseRun(ground, last.AddMonths(1 - count), count);
    }
}
