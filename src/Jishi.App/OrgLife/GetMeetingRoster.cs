using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.OrgLife;

/// <summary>A member who belongs on a meeting's roster.</summary>
public sealed record RosterMember(string Id, string Name, MemberStatus Status);

/// <summary>The organisation a meeting is recorded for and who belongs on its roster on its date (L-02).</summary>
public sealed record MeetingRoster(Organisation Org, MeetingType Type, DateOnly Date, IReadOnlyList<RosterMember> Members);

/// <summary>
/// Who belongs on the roster of a meeting of this type in this organisation on this date (L-02): the members of the
/// organisation that day, from the registry and the history — for a cell's meeting, its branch's members. The meeting
/// form ticks this list; <see cref="RecordMeeting"/> checks the recorded roster against the same list.
/// </summary>
public sealed class GetMeetingRoster(JishiDbContext db)
{
    public async Task<MeetingRoster> Handle(string? orgId, MeetingType? type, DateOnly? date, CancellationToken ct = default)
    {
        var v = new Validation();
        var id = v.Required("orgId", orgId, 20, "组织");
        var t = v.Required("type", type, "会议类型");
        var d = v.Required("date", date, "会议日期");
        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("组织", id, "orgId");
        if (RecordMeeting.WhereHeld(t, org) is { } wrong)
        {
            throw new InvalidInputException("type", wrong);
        }

        var members = await OnAsync(db, org, t, d, ct);
        return new MeetingRoster(org, t, d, [.. members.Select(m => new RosterMember(m.Id, m.Name, m.Status))]);
    }

    /// <summary>The members on the roster of a meeting of <paramref name="type"/> held by <paramref name="org"/>.</summary>
    internal static Task<List<Member>> OnAsync(JishiDbContext db, Organisation org, MeetingType type, DateOnly date, CancellationToken ct) =>
        OrgRoster.OnAsync(db, type == MeetingType.CellMeeting ? org.ParentId! : org.Id, date, ct);
}
