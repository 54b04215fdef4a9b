using Jishi.App.Cases;
using Jishi.Domain.Development;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Documents;

/// <summary>One kind of material of a case's archive: whether R-36 requires it, the attachments that hold it, and
/// whether the archiving step declared it handed over (on paper).</summary>
public sealed record ArchiveItem(DocumentType DocumentType, bool Required, bool Present, IReadOnlyList<CaseAttachmentRecord> Attachments,
    bool Declared = false);

/// <summary>
/// The completeness of a case's archive (R-36-archive, 第三十六条): the materials the rules in force require (both
/// 登记表 since 2026, RULES.md §1 D17), each present when a scan of that type is attached or, once the case is
/// archived, when the archiving step declared it handed over on paper — the same test the archiving step passes.
/// </summary>
public sealed record ArchiveStatus(bool Complete, IReadOnlyList<DocumentType> Missing, IReadOnlyList<ArchiveItem> Items, RulesVersion RulesVersion)
{
    /// <summary>The materials required by the rules in force on <paramref name="asOf"/> (the archive step's date
    /// once it is recorded), against the attachments of the case.</summary>
    public static ArchiveStatus Of(IReadOnlyList<CaseAttachmentRecord> attachments, DateOnly asOf, IReadOnlyCollection<DocumentType>? declared = null)
    {
        declared ??= [];
        var version = RulesVersions.InForceOn(asOf);
        var required = ArchiveRules.Required(version);
        var byType = attachments.GroupBy(a => a.DocumentType).ToDictionary(g => g.Key, g => (IReadOnlyList<CaseAttachmentRecord>)g.ToList());
        var items = required.Select(d => new ArchiveItem(d, true, byType.ContainsKey(d) || declared.Contains(d), byType.GetValueOrDefault(d) ?? [],
                declared.Contains(d)))
            .Concat(byType.Keys.Where(d => !required.Contains(d)).Order().Select(d => new ArchiveItem(d, false, true, byType[d])))
            .ToList();
        var missing = items.Where(i => i.Required && !i.Present).Select(i => i.DocumentType).ToList();
        return new ArchiveStatus(missing.Count == 0, missing, items, version);
    }

    /// <summary>The date the archive is judged on: the ArchiveSubmitted step's date when recorded, else today.</summary>
    public static DateOnly JudgedOn(CaseDossier d) =>
        d.State.Last(CaseEventType.ArchiveSubmitted)?.Date ?? d.Today;
}

/// <summary>The archive completeness of a case in scope (API.md <c>GET /cases/{id}/archive</c>).</summary>
public sealed class GetArchiveStatus(Data.JishiDbContext db, TimeProvider time)
{
    public async Task<ArchiveStatus> Handle(string caseId, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("个案", caseId);
        var attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Seq).ToListAsync(ct);
        var archived = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id && e.Type == CaseEventType.ArchiveSubmitted)
            .OrderByDescending(e => e.Seq).FirstOrDefaultAsync(ct);
        var declared = archived is null ? [] : CaseJson.ToEvent(archived).Data.Materials ?? [];
        return ArchiveStatus.Of(attachments, archived?.Date ?? ChinaTime.Today(time), declared);
    }
}
