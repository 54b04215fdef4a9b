using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>Cases of an organisation and everything below it (or the whole scope), filtered by stage and status.</summary>
public sealed class ListCases(JishiDbContext db)
{
    public async Task<(IReadOnlyList<CaseRecord> Items, int Total)> Handle(string? orgId, DevelopmentStage? stage, string? status,
        string? q, int page, int pageSize, CancellationToken ct = default)
    {
        var cases = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Organisation.SubtreeUpperBound(org.Path);
            cases = cases.Where(c => c.OrgPath.CompareTo(org.Path) >= 0 && c.OrgPath.CompareTo(upper) < 0);
        }

        if (stage is { } s)
        {
            cases = cases.Where(c => c.Stage == s);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<CaseStatus>(status, out var st) || !Enum.IsDefined(st) || int.TryParse(status, out _))
            {
                throw new InvalidInputException("status", $"“{status}”不是有效值；应为 {string.Join("、", Enum.GetNames<CaseStatus>())} 之一");
            }

            cases = cases.Where(c => c.Status == st);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            if (term.Length >= 4 && term.All(ch => char.IsAsciiDigit(ch) || ch == 'X'))
            {
                // The last digits of the id number: the people in scope that match, then their cases.
                var people = await db.People.AsNoTracking().Where(p => p.IdNumber.EndsWith(term)).Select(p => p.Id).Take(1000).ToListAsync(ct);
                cases = cases.Where(c => people.Contains(c.PersonId));
            }
            else
            {
                cases = cases.Where(c => c.PersonName.Contains(term));
            }
        }

        var total = await cases.CountAsync(ct);
        var items = await cases.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}
