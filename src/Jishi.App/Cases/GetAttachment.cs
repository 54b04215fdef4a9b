using Jishi.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>One attachment of a case in scope and the path of its stored bytes.</summary>
public sealed class GetAttachment(JishiDbContext db, DatabaseSettings settings)
{
    public async Task<(CaseAttachmentRecord Attachment, string Path)> Handle(string caseId, string attachmentId, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("个案", caseId);
        var a = await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == c.Id && x.Id == attachmentId, ct)
            ?? throw new NotFoundException("附件", attachmentId);
        return (a, AttachmentStore.PathOf(settings.DataDirectory, a.Sha256));
    }
}
