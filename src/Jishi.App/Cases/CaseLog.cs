using Jishi.App.Data;
using Jishi.Domain.Development;

namespace Jishi.App.Cases;

/// <summary>Appending to the record and keeping the derived rows in step.</summary>
internal static class CaseLog
{
    public static CaseEventRecord Append(CaseRecord c, CaseState state, CaseEventType type, DateOnly date, EventData data,
        IReadOnlyList<Override> overrides, IReadOnlyList<RuleException> exceptions, Accounts.Caller caller, DateTimeOffset now)
    {
        var seq = state.NextSeq;
        var version = RulesVersions.InForceOn(date);
        var dataJson = CaseJson.Write(data);
        var overridesJson = CaseJson.Write(overrides);
        var exceptionsJson = CaseJson.Write(exceptions);
        var prev = seq == 1 ? CaseJson.GenesisHash : c.HeadHash;
        var hash = CaseJson.Hash(prev, c.Id, seq, type, date, now, caller.UserId, version, dataJson, overridesJson, exceptionsJson);
        var record = new CaseEventRecord
        {
            CaseId = c.Id,
            Seq = seq,
            Type = type,
            Date = date,
            RecordedAt = now,
            RecordedBy = caller.UserId,
            RecordedByName = caller.DisplayName,
            RulesVersion = version,
            DataJson = dataJson,
            OverridesJson = overridesJson,
            ExceptionsJson = exceptionsJson,
            PrevHash = prev,
            Hash = hash,
        };
        state.Apply(CaseJson.ToEvent(record));
        c.Project(state);
        c.HeadHash = hash;
        return record;
    }

    public static void ReplaceDeadlines(JishiDbContext db, CaseRecord c, CaseState state, IReadOnlyList<CaseDeadlineRecord> existing)
    {
        // Alerts are for open cases (API.md); a closed case's remaining notices show on its page only.
        var wanted = Deadlines.Of(state).Where(d => d.Outstanding && state.Status == CaseStatus.Open).GroupBy(d => d.Rule).Select(g => g.First())
            .ToDictionary(d => d.Rule);
        foreach (var old in existing)
        {
            if (wanted.Remove(old.Rule, out var d))
            {
                old.DueDate = d.DueDate;
            }
            else
            {
                db.CaseDeadlines.Remove(old);
            }
        }

        foreach (var d in wanted.Values)
        {
            db.CaseDeadlines.Add(new CaseDeadlineRecord { CaseId = c.Id, Rule = d.Rule, DueDate = d.DueDate, OrgPath = c.OrgPath });
        }
    }
}
