using Jishi.App.Data;
using Jishi.Domain.Development;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.Procedures;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Cases;

/// <summary>What a client sends to open a case: the application received by an organisation (API.md), with the
/// overrides of WARN refusals at application (X-06-readmission-bar).</summary>
public sealed record NewCase(string? PersonId, string? OrgId, DateOnly? ApplicationReceivedDate, ReceivingOrgRelation? ReceivingOrgRelation,
    IReadOnlyList<Override>? Overrides = null);

public sealed class OpenCase(JishiDbContext db, TimeProvider time, GetCase get)
{
    public async Task<CaseView> Handle(NewCase input, CancellationToken ct = default)
    {
        var v = new Validation();
        var personId = v.Required("personId", input.PersonId, 20, "申请人");
        var orgId = v.Required("orgId", input.OrgId, 20, "接收申请的党组织");
        var received = v.Required("applicationReceivedDate", input.ApplicationReceivedDate, "收到入党申请书日期");
        var relation = v.Required("receivingOrgRelation", input.ReceivingOrgRelation, "接收组织与申请人的关系");
        v.NotAfterToday("applicationReceivedDate", input.ApplicationReceivedDate, ChinaTime.Today(time), "收到入党申请书日期");
        var overrides = input.Overrides ?? [];
        foreach (var e in Gate.Validate(overrides, []))
        {
            v.Add(e.Field, e.Message);
        }

        v.ThrowIfInvalid();

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new NotFoundException("人员", personId, "personId");
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
            ?? throw new NotFoundException("组织", orgId, "orgId");
        var open = await db.Cases.IgnoreQueryFilters().Where(c => c.PersonId == person.Id && c.Status == CaseStatus.Open)
            .Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            throw new ConflictException($"{person.Name} 已有正在办理的发展党员个案", open);
        }

        var personFacts = new Domain.Development.PersonFacts(person.Id, person.Name, person.BirthDate, person.IsMobile,
            person.UnitName, person.UnitHasPartyOrg, person.ExpectedDepartureDate);
        var refusals = ApplicationRules.CheckApplication(personFacts, CaseFacts.ToFacts(org), relation, received).ToList();
        if (!org.Type.ReceivesApplications())
        {
            refusals.Add(Refusal.Block(RuleIds.R06WhereToApply, "第六条", $"“{org.Name}”（{org.Type.Label()}）不是接收入党申请的党组织"));
        }

        // X-06-readmission-bar: a person persuaded to withdraw or removed within five years may apply (WARN); the
        // admission vote is refused until the bar ends.
        if (ReadmissionRules.Bar(await CaseFacts.ReadmissionBarUntil(db, person.Id, ct), person.Name, received, atVote: false) is { } bar)
        {
            refusals.Add(bar);
        }

        var gate = Gate.Resolve(refusals, overrides, []);
        if (gate.Remaining.Count > 0)
        {
            throw new RuleViolationException(gate.Remaining);
        }

        var now = Truncate(time.GetUtcNow());
        var record = new CaseRecord
        {
            Id = Ids.New(time),
            PersonId = person.Id,
            PersonName = person.Name,
            OrgId = org.Id,
            OrgPath = org.Path,
            ReceivingOrgRelation = relation,
            ApplicationReceivedDate = received,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var data = new EventData();
        var state = new CaseState();
        var first = CaseLog.Append(record, state, CaseEventType.ApplicationReceived, received, data, gate.UsedOverrides, [], db.Caller, now);
        record.Version = 1;
        db.Cases.Add(record);
        db.CaseEvents.Add(first);
        CaseLog.ReplaceDeadlines(db, record, state, existing: []);
        await db.SaveChangesAsync(ct);
        return await get.Handle(record.Id, ct);
    }

    internal static DateTimeOffset Truncate(DateTimeOffset t) => DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds());

}
