using Jishi.App.Data;
using Jishi.Domain.Dues;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>A member's dues: every assessment, every payment and counter-entry (with whether it was reversed), and
/// the months in arrears up to this month.</summary>
public sealed record MemberDues(string MemberId, string Name, DuesMonth? FirstDueMonth, IReadOnlyList<DuesAssessmentRecord> Assessments,
    IReadOnlyList<(DuesPaymentRecord Payment, bool Reversed)> Payments, IReadOnlyList<DuesMonth> Arrears);

public sealed class GetMemberDues(JishiDbContext db, TimeProvider time)
{
    public async Task<MemberDues> Handle(string memberId, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("党员", memberId);
        var book = await DuesBook.LoadAsync(db, [member.Id], ct);
        var assessments = await db.DuesAssessments.IgnoreQueryFilters().AsNoTracking().Where(a => a.MemberId == member.Id)
            .OrderBy(a => a.FromMonth).ToListAsync(ct);
        var payments = book.All(member.Id).OrderBy(p => p.PaidDate).ThenBy(p => p.RecordedAt).Select(p => (p, book.IsReversed(p))).ToList();
        var arrears = GetDuesSheet.Arrears(book, member, DuesMonth.Of(ChinaTime.Today(time)));
        return new MemberDues(member.Id, member.Name, RecordDuesPayment.FirstDueMonth(member), assessments, payments, arrears);
    }
}
