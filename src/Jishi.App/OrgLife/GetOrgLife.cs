using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.OrgLife;

/// <summary>One cell of the compliance matrix: a type in a period (API.md GET /orgs/{id}/org-life).</summary>
public sealed record OrgLifeItem(string OrgId, MeetingType Type, string Period, DateOnly DueDate, int Required, int Held, bool Met, PeriodState State);

public sealed record OrgLife(string OrgId, int Year, DateOnly? RecordedFrom, IReadOnlyList<OrgLifeItem> Items);

/// <summary>
/// L-01: each branch-like organisation's required meetings by period of a year — quarterly assembly and lectures,
/// monthly committee (where it has one), cell (each cell) and 主题党日 meetings, the yearly 组织生活会 and 民主评议 — with
/// what was held (a meeting counts for its type and those it combines) and whether the period is met, open or missed.
/// Periods before the organisation's record in the system begins (its creation or its first recorded meeting, if
/// earlier) are not due.
/// </summary>
public sealed class GetOrgLife(JishiDbContext db, TimeProvider time)
{
    public async Task<OrgLife> Handle(string id, int? year, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var y = v.Year("year", year, today);
        v.ThrowIfInvalid();

        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id);
        var matrix = await For(db, [org], [y], today, ct);
        return new OrgLife(org.Id, y, matrix.RecordedFrom.TryGetValue(org.Id, out var f) && f != DateOnly.MaxValue ? f : null,
            [.. matrix.Items.Where(i => i.OrgId == org.Id)]);
    }

    /// <summary>The matrix of the given branch-like organisations (others have none) for the given years, in one read of
    /// their cells, one of when each began recording and one of the years' meetings.</summary>
    internal static async Task<(IReadOnlyList<OrgLifeItem> Items, IReadOnlyDictionary<string, DateOnly> RecordedFrom)> For(
        JishiDbContext db, IReadOnlyList<Organisation> orgs, IReadOnlyCollection<int> years, DateOnly today, CancellationToken ct)
    {
        var branches = orgs.Where(o => OrgTypes.BranchLike.Contains(o.Type)).ToList();
        var ids = branches.Select(o => o.Id).ToList();
        var cells = (await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => o.Type == OrgType.PartyCell && ids.Contains(o.ParentId!))
                .Select(o => new { o.Id, o.ParentId }).ToListAsync(ct))
            .ToLookup(c => c.ParentId!, c => c.Id);
        var holders = ids.Concat(cells.SelectMany(c => c)).ToList();
        var (first, last) = (new DateOnly(years.Min(), 1, 1), new DateOnly(years.Max(), 12, 31));
        var earliest = await db.Meetings.IgnoreQueryFilters().Where(m => holders.Contains(m.OrgId)).GroupBy(m => m.OrgId)
            .Select(g => new { g.Key, First = g.Min(m => m.Date) }).ToDictionaryAsync(x => x.Key, x => x.First, ct);
        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => holders.Contains(m.OrgId) && m.Date >= first && m.Date <= last)
            .Select(m => new { m.OrgId, m.Type, m.Combines, m.Date }).ToListAsync(ct);
        var items = new List<OrgLifeItem>();
        var recordedFrom = new Dictionary<string, DateOnly>();
        foreach (var org in branches)
        {
            var orgCells = cells[org.Id].ToList();
            // The record begins with the first meeting recorded (of the organisation or one of its cells): before it, and for
            // an organisation that has recorded none, nothing is due — the system does not know its past.
            var starts = orgCells.Append(org.Id).Where(earliest.ContainsKey).Select(x => earliest[x]).ToList();
            var from = starts.Count > 0 ? starts.Min() : DateOnly.MaxValue;
            recordedFrom[org.Id] = from;
            var held = meetings.Where(m => (m.OrgId == org.Id || orgCells.Contains(m.OrgId)))
                .SelectMany(m => MeetingRecord.TypesOf(m.Type, m.Combines).Select(t => (Type: t, m.OrgId, m.Date))).ToList();
            foreach (var type in Enum.GetValues<MeetingType>())
            {
                var required = type switch
                {
                    MeetingType.BranchCommitteeMeeting => org.HasCommittee ? 1 : 0,
                    MeetingType.CellMeeting => orgCells.Count,
                    _ => 1,
                };
                if (required == 0)
                {
                    continue;
                }

                foreach (var period in years.Order().SelectMany(y => MeetingPeriod.OfYear(OrgLifeRules.FrequencyOf(type), y)))
                {
                    var inPeriod = held.Where(h => h.Type == type && period.Contains(h.Date)).ToList();
                    // A cell's period is met by each cell holding its own meeting.
                    var count = type == MeetingType.CellMeeting ? inPeriod.Select(h => h.OrgId).Where(orgCells.Contains).Distinct().Count() : inPeriod.Count;
                    var state = OrgLifeRules.StateOf(period, required, count, today, from);
                    items.Add(new OrgLifeItem(org.Id, type, period.ToString(), period.Last, required, count, state == PeriodState.Met, state));
                }
            }
        }

        return (items, recordedFrom);
    }
}
