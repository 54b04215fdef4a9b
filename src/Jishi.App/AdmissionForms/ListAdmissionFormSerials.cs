using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.AdmissionForms;

/// <summary>The register in scope: an organisation and everything below it, by state, by part of the serial.</summary>
public sealed class ListAdmissionFormSerials(JishiDbContext db)
{
    public async Task<(IReadOnlyList<AdmissionFormSerialRecord> Items, int Total)> Handle(string? orgId, string? state, string? q,
        int page, int pageSize, CancellationToken ct = default)
    {
        var serials = db.AdmissionFormSerials.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            serials = serials.Where(x => x.OrgPath.CompareTo(org.Path) >= 0 && x.OrgPath.CompareTo(upper) < 0);
        }

        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<SerialState>(state, out var st) || !Enum.IsDefined(st) || int.TryParse(state, out _))
            {
                throw new InvalidInputException("state", $"“{state}”不是有效值；应为 {string.Join("、", Enum.GetNames<SerialState>())} 之一");
            }

            serials = serials.Where(x => x.State == st);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            serials = serials.Where(x => x.Serial.Contains(term) || x.CaseId == term);
        }

        var total = await serials.CountAsync(ct);
        var items = await serials.OrderBy(x => x.Serial).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}
