using Jishi.App.Data;
using Jishi.App.OrgLife;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Demo;

/// <summary>
/// Gives the township's second branch in name order (the one <see cref="SeedDemoMeetings"/> gives a lapse candidate and
/// an early warning) last year's 民主评议党员, decided at this year's first 支部党员大会 (held in January, inside the
/// first quarter after the year: L-05) through <see cref="RecordAppraisal"/> — the members on that day's roster, one
/// 优秀, one 基本合格, the rest 合格 — and this year's training hours through <see cref="RecordTraining"/>: the first
/// members 32 学时 and more in two sessions, the next ones short of it (L-07), the rest nothing yet. Run after the
/// meetings; dates are relative to today and nothing after today is recorded.
/// </summary>
public sealed class SeedDemoAppraisals(JishiDbContext db, TimeProvider time)
{
    /// <summary>The hours of the two sessions of each of the first members, in roster order (then none).</summary>
    private static readonly (decimal First, decimal Second)[] Hours = [(16m, 16m), (20m, 14.5m), (24m, 12m), (16m, 8m), (12m, 0m), (6.5m, 0m)];

    public async Task<int> Handle(CancellationToken ct = default)
    {
        if (await db.Appraisals.IgnoreQueryFilters().AnyAsync(ct) || await db.Training.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }

        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var town = orgs.FirstOrDefault(o => o.Type == OrgType.TownshipCommittee && o.HasAdmissionApprovalAuthority);
        var branch = town is null ? null : orgs.Where(o => o.Type == OrgType.Branch && o.Path.StartsWith(town.Path, StringComparison.Ordinal))
            .OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal).Skip(1).FirstOrDefault();
        if (branch is null)
        {
            return 0;
        }

        var today = ChinaTime.Today(time);
        var recorded = 0;
        var assembly = await db.Meetings.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.OrgId == branch.Id && m.Type == MeetingType.BranchAssembly && m.Date >= new DateOnly(today.Year, 1, 1)
                && m.Date <= new DateOnly(today.Year, 3, 31))
            .OrderBy(m => m.Date).FirstOrDefaultAsync(ct);
        if (assembly is not null)
        {
            var roster = await GetMeetingRoster.OnAsync(db, branch, assembly.Type, assembly.Date, ct);
            var grades = roster.Select((m, i) => new NewGrade(m.Id,
                i == 0 ? AppraisalGrade.Excellent : i == roster.Count - 1 && roster.Count > 2 ? AppraisalGrade.BasicallyQualified : AppraisalGrade.Qualified)).ToList();
            if (grades.Count > 0)
            {
                await new RecordAppraisal(db, time).Handle(new NewAppraisal(branch.Id, today.Year - 1, assembly.Id, grades), ct);
                recorded++;
            }
        }

        var members = await GetMeetingRoster.OnAsync(db, branch, MeetingType.BranchAssembly, today, ct);
        var (spring, autumn) = (new DateOnly(today.Year, 1, 20), new DateOnly(today.Year, Math.Min(today.Month, 9), 1));
        for (var i = 0; i < Math.Min(Hours.Length, members.Count); i++)
        {
            foreach (var (date, hours, subject) in new[] { (spring, Hours[i].First, "党员冬训：学习党的二十届四中全会精神"), (autumn, Hours[i].Second, "党员集中轮训：党章党规党纪") })
            {
                if (hours > 0 && date <= today)
                {
                    await new RecordTraining(db, time).Handle(members[i].Id, new NewTraining(date, hours, subject), ct);
                    recorded++;
                }
            }
        }

        return recorded;
    }
}
