using Jishi.App.Data;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Dues;

/// <summary>One member's line of a yearly re-assessment (年初核定).</summary>
public sealed record NewDuesReassessmentItem(string? MemberId, Domain.Dues.DuesCategory? BaseType, decimal? Base, decimal? Amount = null,
    NewDuesRelief? Relief = null);

/// <summary>POST /dues/reassessment: a branch's dues for the year from one month, every member in one form.</summary>
public sealed record NewDuesReassessment(string? OrgId, string? From, IReadOnlyList<NewDuesReassessmentItem>? Items);

/// <summary>
/// The yearly re-assessment of a whole organisation in one form (P-17 practice: 年初核定, D-10 for changes within the
/// year): each line is assessed by <see cref="SetDuesBase"/> with its rules (D-02 … D-07), all or nothing — a line in
/// error or refused is reported by its index (<c>items[3].base</c>) and nothing is recorded.
/// </summary>
public sealed class ReassessDues(JishiDbContext db, SetDuesBase setBase)
{
    public async Task<IReadOnlyList<DuesAssessmentRecord>> Handle(NewDuesReassessment input, CancellationToken ct = default)
    {
        var v = new Validation();
        var orgId = v.Required("orgId", input.OrgId, 20, "组织");
        v.Required("from", input.From, 7, "起始月份");
        if (input.Items is not { Count: > 0 })
        {
            v.Add("items", "至少填写一名党员的核定");
        }
        else if (input.Items.Select(i => i.MemberId).Where(i => i is not null).GroupBy(i => i).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            v.Add("items", $"党员 {twice.Key} 填写了两次");
        }

        v.ThrowIfInvalid();
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) ?? throw new NotFoundException("组织", orgId, "orgId");
        var ids = input.Items!.Select(i => i.MemberId).OfType<string>().ToList();
        var under = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.OrgPath }).ToDictionaryAsync(m => m.Id, m => m.OrgPath, ct);

        var errors = new List<FieldError>();
        var refusals = new List<Refusal>();
        var saved = new List<DuesAssessmentRecord>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < input.Items!.Count; i++)
        {
            var item = input.Items[i];
            var at = $"items[{i}]";
            if (item.MemberId is null || !under.TryGetValue(item.MemberId, out var path) || !path.StartsWith(org.Path, StringComparison.Ordinal))
            {
                errors.Add(new FieldError($"{at}.memberId", $"党员 {item.MemberId} 不在“{org.Name}”及其下级组织"));
                continue;
            }

            try
            {
                saved.Add(await setBase.Handle(item.MemberId, new NewDuesBase(input.From, item.BaseType, item.Base, item.Amount, item.Relief), ct));
            }
            catch (InvalidInputException e)
            {
                errors.AddRange(e.Errors.Select(x => new FieldError(x.Field == "from" ? "from" : $"{at}.{x.Field}", x.Message)));
            }
            catch (RuleViolationException e)
            {
                refusals.AddRange(e.Refusals.Select(r => r with { Message = $"第 {i + 1} 行：{r.Message}" }));
            }
            catch (NotFoundException e)
            {
                errors.Add(new FieldError($"{at}.{e.Field ?? "memberId"}", e.Message));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException([.. errors.DistinctBy(e => (e.Field, e.Message))]);
        }

        if (refusals.Count > 0)
        {
            throw new RuleViolationException(refusals);
        }

        await tx.CommitAsync(ct);
        return saved;
    }
}
