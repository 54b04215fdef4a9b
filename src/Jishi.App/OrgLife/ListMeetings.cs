using Jishi.App.Data;
using Jishi.Domain.OrgLife;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.OrgLife;

/// <summary>The meetings of an organisation and everything below it (API.md GET /meetings), newest first, optionally of
/// one type (its own or combined) and between two dates.</summary>
public sealed class ListMeetings(JishiDbContext db)
{
    public async Task<IReadOnlyList<MeetingRecord>> Handle(string? orgId, MeetingType? type, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var v = new Validation();
        var id = v.Required("orgId", orgId, 20, "组织");
        if (from > to)
        {
            v.Add("to", $"结束日期 {to:yyyy-MM-dd} 早于开始日期 {from:yyyy-MM-dd}");
        }

        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id, "orgId");
        var upper = Domain.Organisations.Organisation.SubtreeUpperBound(org.Path);
        var q = db.Meetings.AsNoTracking().Where(m => m.OrgPath.CompareTo(org.Path) >= 0 && m.OrgPath.CompareTo(upper) < 0);
        if (from is { } f)
        {
            q = q.Where(m => m.Date >= f);
        }

        if (to is { } t)
        {
            q = q.Where(m => m.Date <= t);
        }

        var list = await q.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).ToListAsync(ct);
        return type is { } ty ? [.. list.Where(m => m.CountsFor().Contains(ty))] : list;
    }
}

/// <summary>One meeting with its roster (API.md GET /meetings/{id}).</summary>
public sealed class GetMeeting(JishiDbContext db)
{
    public async Task<MeetingRecord> Handle(string id, CancellationToken ct = default) =>
        await db.Meetings.AsNoTracking().Include(m => m.Attendance.OrderBy(a => a.MemberName))
            .FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("会议", id);
}
