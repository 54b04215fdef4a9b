using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Jishi.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Organisations;

/// <summary>What a client sends for 整建制转接 (POST /orgs/{id}/whole-unit-transfer).</summary>
public sealed record WholeUnitTransferRequest(string? ToParentId, DateOnly? Date, string? Reason, string? DocumentNo = null);

/// <summary>
/// 整建制转接 (T-11-whole-unit): a unit of the branch class moves with all its members to another parent organisation in
/// one act. The move is <see cref="SubtreeMove"/>'s (the caller writes both the unit and the new parent, 404 otherwise;
/// OrgHierarchy.CheckParent and no cycle, 400; G-14), so open development cases, transfers, mobile-member and
/// lost-contact records move with their paths. In the same transaction every current member of the unit and of its
/// subtree gets a <c>TransferredOut</c> and a <c>TransferredIn</c> entry marked 整建制 (<see
/// cref="MembershipChangeRecord.WholeUnit"/>), dated the act's date. Refused (422, nothing changed): a date after
/// today (G-05-dates), a unit not of the branch class, a unit already under that parent, or a member with an open
/// 组织关系介绍信 (T-11-whole-unit). The members' branch is the same organisation before and after, so their vote in it
/// (G-08) is unchanged.
/// </summary>
public sealed class TransferWholeUnit(JishiDbContext db, TimeProvider time)
{
    public async Task<Organisation> Handle(string id, WholeUnitTransferRequest input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var v = new Validation();
        if (string.IsNullOrWhiteSpace(input.ToParentId))
        {
            v.Add("toParentId", "必须指定转入的上级组织");
        }

        var date = v.Required("date", input.Date, "整建制转接日期（YYYY-MM-DD）");
        var reason = v.Required("reason", input.Reason, 200, "整建制转接原因（如单位划转、隶属关系调整）");
        var documentNo = v.Optional("documentNo", input.DocumentNo, 100, "文号");
        v.ThrowIfInvalid();

        var move = await SubtreeMove.Prepare(db, id, input.ToParentId, "toParentId", ct);
        var (unit, parent) = (move.Org, move.Parent);
        var upper = Organisation.SubtreeUpperBound(move.OldPath);
        var members = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.OrgPath.CompareTo(move.OldPath) >= 0 && m.OrgPath.CompareTo(upper) < 0 && m.LeftDate == null)
            .OrderBy(m => m.OrgPath).ThenBy(m => m.Id).ToListAsync(ct);
        var memberIds = members.Select(m => m.Id).ToList();
        var withOpenLetter = await db.Transfers.IgnoreQueryFilters()
            .Where(t => t.IsOpen && t.Kind == TransferKind.Formal && memberIds.Contains(t.MemberId))
            .OrderBy(t => t.MemberName).Select(t => t.MemberName).ToListAsync(ct);

        var refusals = new List<Refusal>();
        var today = ChinaTime.Today(time);
        if (date > today)
        {
            refusals.Add(Refusal.Block(RuleIds.G05Dates, "通用约定 G-05",
                $"整建制转接日期（date：{date:yyyy-MM-dd}）晚于今天（{today:yyyy-MM-dd}），不能记录未来的日期"));
        }

        refusals.AddRange(WholeUnitTransferRules.Check(CaseFacts.ToFacts(unit), CaseFacts.ToFacts(parent), withOpenLetter));
        refusals.AddRange(move.Refusals);
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        var from = unit.ParentId is null ? null
            : await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == unit.ParentId, ct);
        var detail = WholeUnitTransferRules.Detail(unit.Name, from?.Name ?? "（无上级组织）", parent.Name, reason, documentNo);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SubtreeMove.Apply(db, move, ct);

        // Written after the paths moved: the TransferredOut entry keeps the member's organisation at its old place.
        // Each entry follows from the act the caller was just found entitled to (both the unit and the new parent).
        foreach (var m in members)
        {
            db.Authorise(MemberHistoryLog.Add(db, time, m.Id, date, MembershipChange.TransferredOut, m.OrgId, m.OrgPath, detail, null, wholeUnit: true));
            db.Authorise(MemberHistoryLog.Add(db, time, m.Id, date, MembershipChange.TransferredIn, m.OrgId, move.Moved(m.OrgPath), detail, null,
                wholeUnit: true));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        db.ChangeTracker.Clear();
        return await db.Orgs.FirstAsync(o => o.Id == id, ct);
    }
}
