using Jishi.App.Data;
using Jishi.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.People;

/// <summary>Finds people in scope by name or by the last digits of the id number, newest first (ids sort by creation).</summary>
public sealed class ListPeople(JishiDbContext db)
{
    public async Task<(IReadOnlyList<Person> Items, int Total)> Handle(string? q, int page, int pageSize, CancellationToken ct = default)
    {
        var people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            people = term.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x')
                ? people.Where(p => p.IdNumber.EndsWith(term.ToUpperInvariant()))
                : people.Where(p => p.Name.Contains(term));
        }

        var total = await people.CountAsync(ct);
        var items = await people.OrderByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }
}
