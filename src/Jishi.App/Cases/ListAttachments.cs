using Jishi.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>The attachments of a case in scope, in the order they were recorded.</summary>
public sealed class ListAttachments(JishiDbContext db)
{
    public async Task<IReadOnlyList<CaseAttachmentRecord>> Handle(string caseId, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("个案", caseId);
        return await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Seq).ToListAsync(ct);
    }
}
