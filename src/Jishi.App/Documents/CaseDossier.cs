using System.Text.Json;
using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Organisations;
using Jishi.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Documents;

/// <summary>
/// Everything the documents of a case are filled from: the case and its events (the record), the state they replay
/// to, the applicant, the organisation chain, the names of every member and organisation the steps refer to, the
/// attachments, and the result of verifying the hash chain when the dossier was read.
/// </summary>
public sealed record CaseDossier(
    CaseView View,
    CaseState State,
    Person Person,
    IReadOnlyList<Organisation> Chain,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<CaseAttachmentRecord> Attachments,
    VerifyCaseIntegrity.Result Integrity,
    DateOnly Today)
{
    public CaseRecord Case => View.Case;

    /// <summary>The organisation handling the case (the last of the chain).</summary>
    public Organisation Branch => Chain[^1];

    /// <summary>The nearest committee above the branch with approval authority, else the nearest committee.</summary>
    public Organisation? Committee =>
        Chain.Take(Chain.Count - 1).Reverse().FirstOrDefault(o => o.HasAdmissionApprovalAuthority)
        ?? Chain.Take(Chain.Count - 1).Reverse().FirstOrDefault(o => CaseFacts.ToFacts(o).IsCommittee);

    public string Name(string? id) => id is null ? "" : Names.GetValueOrDefault(id, id);

    /// <summary>The recorded steps of the given types, in order.</summary>
    public IEnumerable<CaseEvent> Steps(params CaseEventType[] types) => State.Events.Where(e => types.Contains(e.Type));

    /// <summary>The short verification code printed on documents: the first 16 hex digits of the chain head in groups of four.</summary>
    public static string VerificationCode(string headHash) => headHash.Length < 16
        ? headHash.ToUpperInvariant()
        : string.Join('-', Enumerable.Range(0, 4).Select(i => headHash.Substring(i * 4, 4).ToUpperInvariant()));
}

/// <summary>Reads the dossier of a case in the caller's scope (404 outside it). Names of referenced members and
/// organisations are looked up across scopes: a step may name a sponsor or a committee the caller cannot list.</summary>
public sealed class LoadCaseDossier(JishiDbContext db, GetCase get, TimeProvider time)
{
    public async Task<CaseDossier> Handle(string caseId, CancellationToken ct = default)
    {
        var view = await get.Handle(caseId, ct);
        var c = view.Case;
        var person = await db.People.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == c.PersonId, ct);
        var chainIds = c.OrgPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var chain = (await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => chainIds.Contains(o.Id)).ToListAsync(ct))
            .OrderBy(o => o.Depth).ToList();

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in view.Events)
        {
            using var doc = JsonDocument.Parse(e.DataJson);
            CollectIds(doc.RootElement, ids);
        }

        var members = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in chain)
        {
            names[o.Id] = o.Name;
        }

        foreach (var o in orgs)
        {
            names[o.Id] = o.Name;
        }

        foreach (var m in members)
        {
            names[m.Id] = m.Name;
        }

        var attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Seq).ToListAsync(ct);
        return new CaseDossier(view, view.State, person, chain, names, attachments, VerifyCaseIntegrity.Check(c, view.Events), ChinaTime.Today(time));
    }

    /// <summary>Every string value of the step data that looks like a stored id (members, organisations).</summary>
    private static void CollectIds(JsonElement e, HashSet<string> ids)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    CollectIds(p.Value, ids);
                }

                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray())
                {
                    CollectIds(x, ids);
                }

                break;
            case JsonValueKind.String when e.GetString() is { Length: > 0 and <= 20 } s:
                ids.Add(s);
                break;
        }
    }
}
