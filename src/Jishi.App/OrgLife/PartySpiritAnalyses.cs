using Jishi.App.Alerts;
using Jishi.App.Data;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.OrgLife;

/// <summary>A 党员党性分析 campaign arranged by a county-or-above committee for everything below it (L-08).</summary>
public sealed class PartySpiritAnalysisRecord
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    /// <summary>The arranging committee's path (the record's scope: written by that committee, read below it through
    /// <see cref="PartySpiritAnalyses.ArrangedFor"/>).</summary>
    public required string OrgPath { get; set; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public required string Theme { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}

/// <summary>One member's participation in a campaign, recorded by the member's organisation.</summary>
public sealed class PartySpiritParticipationRecord
{
    public required string AnalysisId { get; init; }

    public required string MemberId { get; init; }

    public required string MemberName { get; init; }

    /// <summary>The member's organisation's path when it was recorded (the record's scope).</summary>
    public required string OrgPath { get; set; }

    public DateOnly Date { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}

public sealed record NewPartySpiritAnalysis(DateOnly? StartDate, DateOnly? EndDate, string? Theme);

public sealed record NewPartySpiritParticipation(DateOnly? Date, IReadOnlyList<string>? MemberIds);

/// <summary>A campaign as seen from one organisation: the participants of its subtree and who has not yet taken part.</summary>
public sealed record PartySpiritAnalysisView(PartySpiritAnalysisRecord Analysis, string OrgName, int Participants, int Members);

/// <summary>An organisation's campaigns (its own, those arranged above it, those arranged below it) and when the
/// next is owed by the committee that arranges for it.</summary>
public sealed record PartySpiritOverview(string OrgId, DateOnly? LastEnded, DateOnly NextDue, bool Arranges,
    IReadOnlyList<PartySpiritAnalysisView> Items);

public sealed record PartySpiritMember(string MemberId, string Name, string OrgId, DateOnly? Date);

/// <summary>One campaign in the subtree of an organisation: every current member with the date they took part, if they did.</summary>
public sealed record PartySpiritRoll(PartySpiritAnalysisRecord Analysis, string OrgId, IReadOnlyList<PartySpiritMember> Members);

/// <summary>Reads shared by the campaign use cases.</summary>
public static class PartySpiritAnalyses
{
    /// <summary>The paths of an organisation and of each of its ancestors ("/a/b/" → "/a/", "/a/b/").</summary>
    public static List<string> SelfAndAncestors(string path)
    {
        var paths = new List<string>();
        for (var i = path.IndexOf('/', 1); i >= 0; i = path.IndexOf('/', i + 1))
        {
            paths.Add(path[..(i + 1)]);
        }

        return paths;
    }

    /// <summary>The campaigns that apply to an organisation: arranged by it or by a committee above it (read past the
    /// caller's scope: an arrangement from above binds the organisations below it).</summary>
    public static IQueryable<PartySpiritAnalysisRecord> ArrangedFor(JishiDbContext db, Organisation org)
    {
        var paths = SelfAndAncestors(org.Path);
        return db.PartySpiritAnalyses.IgnoreQueryFilters().AsNoTracking().Where(a => paths.Contains(a.OrgPath));
    }

    /// <summary>The current members of an organisation and everything below it.</summary>
    public static IQueryable<Domain.Members.Member> MembersUnder(JishiDbContext db, Organisation org)
    {
        var upper = Organisation.SubtreeUpperBound(org.Path);
        return db.Members.AsNoTracking().Where(m => m.LeftDate == null && m.OrgPath.CompareTo(org.Path) >= 0 && m.OrgPath.CompareTo(upper) < 0);
    }

    /// <summary>A campaign the caller may see: arranged by an organisation in scope, or above one.</summary>
    public static async Task<PartySpiritAnalysisRecord> FindAsync(JishiDbContext db, string id, CancellationToken ct)
    {
        var analysis = await db.PartySpiritAnalyses.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var scope = db.Caller.ScopePath;
        if (analysis is null || !(scope is null || analysis.OrgPath.StartsWith(scope, StringComparison.Ordinal)
                || scope.StartsWith(analysis.OrgPath, StringComparison.Ordinal)))
        {
            throw new NotFoundException("党性分析活动", id);
        }

        return analysis;
    }
}

/// <summary>A county-or-above committee arranges a 党员党性分析 campaign (L-08): its period and theme.</summary>
public sealed class ArrangePartySpiritAnalysis(JishiDbContext db, TimeProvider time)
{
    public async Task<PartySpiritAnalysisRecord> Handle(string orgId, NewPartySpiritAnalysis input, CancellationToken ct = default)
    {
        var v = new Validation();
        var start = v.Required("startDate", input.StartDate, "开始日期");
        var end = v.Required("endDate", input.EndDate, "结束日期");
        var theme = v.Required("theme", input.Theme, 200, "活动主题");
        if (input.StartDate is { } s && input.EndDate is { } e && e < s)
        {
            v.Add("endDate", $"结束日期应不早于开始日期 {s:yyyy-MM-dd}，填写的是 {e:yyyy-MM-dd}");
        }

        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId);
        var refusals = PartySpiritAnalysisRules.CheckArrangement(org.Type, org.Name).ToList();
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        var record = new PartySpiritAnalysisRecord
        {
            Id = Ids.New(time),
            OrgId = org.Id,
            OrgPath = org.Path,
            StartDate = start,
            EndDate = end,
            Theme = theme,
            RecordedAt = time.GetUtcNow(),
            RecordedBy = db.Caller.UserId,
        };
        db.PartySpiritAnalyses.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}

/// <summary>Records that members took part in a campaign on a date (L-08): each within the campaign's period, below
/// the arranging committee, once. All or nothing.</summary>
public sealed class RecordPartySpiritParticipation(JishiDbContext db, TimeProvider time)
{
    public async Task<int> Handle(string analysisId, NewPartySpiritParticipation input, CancellationToken ct = default)
    {
        var v = new Validation();
        var date = v.Required("date", input.Date, "参加日期");
        v.NotAfterToday("date", input.Date, ChinaTime.Today(time), "参加日期");
        var ids = input.MemberIds ?? [];
        if (ids.Count == 0)
        {
            v.Add("memberIds", "至少选择一名党员");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            v.Required($"memberIds[{i}]", ids[i], 20, "党员");
        }

        v.ThrowIfInvalid();
        var analysis = await PartySpiritAnalyses.FindAsync(db, analysisId, ct);
        var distinct = ids.Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => distinct.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        if (distinct.FirstOrDefault(id => !members.ContainsKey(id)) is { } missing)
        {
            throw new NotFoundException("党员", missing, $"memberIds[{ids.ToList().IndexOf(missing)}]");
        }

        var recorded = (await db.PartySpiritParticipations.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.AnalysisId == analysis.Id && distinct.Contains(p.MemberId)).Select(p => p.MemberId).ToListAsync(ct)).ToHashSet();
        var refusals = distinct.SelectMany(id => PartySpiritAnalysisRules.CheckParticipation(analysis.StartDate, analysis.EndDate, date,
            analysis.OrgPath, members[id].OrgPath, members[id].Name, recorded.Contains(id))).ToList();
        if (ids.Count != distinct.Count)
        {
            refusals.Add(Refusal.Block(RuleIds.L08PartySpiritAnalysis, PartySpiritAnalysisRules.Article, "同一党员选了两次"));
        }

        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        foreach (var m in distinct.Select(id => members[id]))
        {
            db.PartySpiritParticipations.Add(new PartySpiritParticipationRecord
            {
                AnalysisId = analysis.Id,
                MemberId = m.Id,
                MemberName = m.Name,
                OrgPath = m.OrgPath,
                Date = date,
                RecordedAt = time.GetUtcNow(),
                RecordedBy = db.Caller.UserId,
            });
        }

        await db.SaveChangesAsync(ct);
        return distinct.Count;
    }
}

/// <summary>
/// An organisation's campaigns (API GET /orgs/{id}/party-spirit-analyses): those arranged by it or above it, and by
/// the committees below it, each with the participants and members of this organisation's subtree; and the date by
/// which the next is owed (L-08: five years after the last that applies ended).
/// </summary>
public sealed class GetPartySpiritAnalyses(JishiDbContext db)
{
    public async Task<PartySpiritOverview> Handle(string orgId, CancellationToken ct = default)
    {
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
        var upper = Organisation.SubtreeUpperBound(org.Path);
        var above = await PartySpiritAnalyses.ArrangedFor(db, org).ToListAsync(ct);
        var below = await db.PartySpiritAnalyses.AsNoTracking()
            .Where(a => a.OrgPath.CompareTo(org.Path) > 0 && a.OrgPath.CompareTo(upper) < 0).ToListAsync(ct);
        var all = above.Concat(below).OrderByDescending(a => a.StartDate).ToList();
        var ids = all.Select(a => a.Id).ToList();
        var counts = await db.PartySpiritParticipations.AsNoTracking()
            .Where(p => ids.Contains(p.AnalysisId) && p.OrgPath.CompareTo(org.Path) >= 0 && p.OrgPath.CompareTo(upper) < 0)
            .GroupBy(p => p.AnalysisId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var members = await PartySpiritAnalyses.MembersUnder(db, org).CountAsync(ct);
        var orgIds = all.Select(a => a.OrgId).Distinct().ToList();
        var names = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        DateOnly? last = above.Count == 0 ? null : above.Max(a => a.EndDate);
        return new PartySpiritOverview(org.Id, last, PartySpiritAnalysisRules.NextDue(last, ChinaTime.DateOf(org.CreatedAt)),
            PartySpiritAnalysisRules.Arranges(org.Type),
            [.. all.Select(a => new PartySpiritAnalysisView(a, names.GetValueOrDefault(a.OrgId, a.OrgId), counts.GetValueOrDefault(a.Id), members))]);
    }
}

/// <summary>One campaign's roll in an organisation's subtree (API GET /party-spirit-analyses/{id}?orgId=): every
/// current member, with the date they took part if they did.</summary>
public sealed class GetPartySpiritRoll(JishiDbContext db)
{
    public async Task<PartySpiritRoll> Handle(string analysisId, string? orgId, CancellationToken ct = default)
    {
        var analysis = await PartySpiritAnalyses.FindAsync(db, analysisId, ct);
        var org = orgId is null
            ? await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == analysis.OrgId, ct)
            : await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
        if (!org.Path.StartsWith(analysis.OrgPath, StringComparison.Ordinal))
        {
            throw new NotFoundException("组织", org.Id, "orgId");
        }

        var members = await PartySpiritAnalyses.MembersUnder(db, org).OrderBy(m => m.OrgPath).ThenBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.OrgId }).ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var dates = await db.PartySpiritParticipations.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.AnalysisId == analysis.Id && ids.Contains(p.MemberId)).ToDictionaryAsync(p => p.MemberId, p => p.Date, ct);
        return new PartySpiritRoll(analysis, org.Id,
            [.. members.Select(m => new PartySpiritMember(m.Id, m.Name, m.OrgId, dates.TryGetValue(m.Id, out var d) ? d : null))]);
    }
}

/// <summary>L-08 (OrgWARN) in the alerts: each county-or-above committee in scope whose next campaign is owed by the
/// horizon — five years after the last that applies to it ended, or after it entered the registry.</summary>
public sealed class PartySpiritObligations : IOrgObligations
{
    public async Task<IReadOnlyList<OrgObligation>> DueBy(JishiDbContext db, Organisation? under, DateOnly horizon, CancellationToken ct)
    {
        var from = under?.Path ?? "";
        var to = under is null ? "\uffff" : Organisation.SubtreeUpperBound(under.Path);
        var types = OrgTypes.CountyOrAboveCommittees.ToList();
        var committees = await db.Orgs.AsNoTracking().Where(o => types.Contains(o.Type) && o.Path.CompareTo(from) >= 0 && o.Path.CompareTo(to) < 0)
            .ToListAsync(ct);
        if (committees.Count == 0)
        {
            return [];
        }

        var paths = committees.SelectMany(c => PartySpiritAnalyses.SelfAndAncestors(c.Path)).Distinct().ToList();
        var ended = await db.PartySpiritAnalyses.IgnoreQueryFilters().AsNoTracking().Where(a => paths.Contains(a.OrgPath))
            .GroupBy(a => a.OrgPath).Select(g => new { g.Key, Last = g.Max(a => a.EndDate) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var due = new List<OrgObligation>();
        foreach (var c in committees)
        {
            var applying = PartySpiritAnalyses.SelfAndAncestors(c.Path).Where(ended.ContainsKey).Select(p => ended[p]).ToList();
            DateOnly? last = applying.Count == 0 ? null : applying.Max();
            var since = ChinaTime.DateOf(c.CreatedAt);
            var next = PartySpiritAnalysisRules.NextDue(last, since);
            if (next <= horizon)
            {
                due.Add(new OrgObligation(c.Id, c.Name, RuleIds.L08PartySpiritAnalysis, next, last is { } l
                    ? $"上次党员党性分析活动于 {l:yyyy-MM-dd} 结束，每 5 年应集中开展一次"
                    : $"尚无党员党性分析活动记录（{since:yyyy-MM-dd} 起），每 5 年应集中开展一次"));
            }
        }

        return due;
    }
}
