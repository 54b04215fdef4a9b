using Jishi.App.Data;
using Jishi.Domain.Members;
using Jishi.Domain.Membership;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Jishi.Domain.People;
using Jishi.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Members;

/// <summary>What a client sends to enter an existing party member in the registry (API.md "Members").</summary>
public sealed record NewMember(
    string? PersonId,
    string? OrgId,
    MemberStatus? Status,
    DateOnly? ProbationStartDate = null,
    DateOnly? PartyAgeStartDate = null);

/// <summary>A graduate's graduation as the keeping organisation records it (T-12-graduates).</summary>
public sealed record NewGraduation(DateOnly? GraduationDate, bool? Placed = null);

/// <summary>A disciplinary sanction as recorded. <c>DecidingOrgId</c> is the organisation that decided it (the member's
/// branch, or a committee above); when it is a 党支部 the decision is its assembly's and <c>AssemblyVote</c> is required
/// (L-04-assembly-votes). Both optional: a sanction recorded without them is taken as decided above the branch.</summary>
public sealed record NewSanction(SanctionType? Type, DateOnly? ApprovedDate, DateOnly? RightsRestoredDate = null, string? MatterRef = null,
    string? DecidingOrgId = null, AssemblyVote? AssemblyVote = null);

/// <summary>The figures of a branch assembly's vote (支部党员大会表决), named as in a disposal's <c>AssemblyDecided</c>:
/// N 应到会有表决权的党员, A 实到会, Y 赞成; 反对 and 弃权 optional.</summary>
public sealed record AssemblyVote(int? EligibleVoterCount, int? PresentVoterCount, int? VotesFor, int? VotesAgainst = null, int? Abstentions = null);

/// <summary>A registry entry with the person's name, for lists and pages.</summary>
public sealed record MemberView(Member Member, Person Person);

public sealed class CreateMember(JishiDbContext db, TimeProvider time)
{
    public async Task<Member> Handle(NewMember input, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var v = new Validation();
        var personId = v.Required("personId", input.PersonId, 20, "人员");
        var orgId = v.Required("orgId", input.OrgId, 20, "所在组织");
        var status = v.Required("status", input.Status, "党员状态");
        v.NotAfterToday("probationStartDate", input.ProbationStartDate, today, "预备期起算日");
        v.NotAfterToday("partyAgeStartDate", input.PartyAgeStartDate, today, "党龄起算日");
        if (status == MemberStatus.ProbationaryMember && input.PartyAgeStartDate is not null)
        {
            v.Add("partyAgeStartDate", "预备党员尚未转正，没有党龄起算日");
        }

        if (input is { ProbationStartDate: { } start, PartyAgeStartDate: { } age } && age <= start)
        {
            v.Add("partyAgeStartDate", $"党龄起算日（{age:yyyy-MM-dd}）应晚于预备期起算日（{start:yyyy-MM-dd}）");
        }

        v.ThrowIfInvalid();

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new NotFoundException("人员", personId, "personId");
        var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
            ?? throw new NotFoundException("组织", orgId, "orgId");
        var existing = await db.Members.IgnoreQueryFilters().Where(m => m.PersonId == person.Id).Select(m => m.Id)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            throw new ConflictException($"{person.Name} 已在党员名册中", existing);
        }

        var member = new Member
        {
            Id = Ids.New(time),
            PersonId = person.Id,
            Name = person.Name,
            OrgId = org.Id,
            OrgPath = org.Path,
            Status = status,
            ProbationStartDate = input.ProbationStartDate,
            PartyAgeStartDate = input.PartyAgeStartDate,
            CreatedAt = time.GetUtcNow(),
        };
        db.Members.Add(member);
        MemberHistoryLog.Add(db, time, member.Id, input.ProbationStartDate ?? input.PartyAgeStartDate ?? today, // a member since then, entered now
            MembershipChange.Registered, org.Id, org.Path, "登记入党员名册", null);
        await db.SaveChangesAsync(ct);
        return member;
    }
}

public sealed class GetMember(JishiDbContext db)
{
    public async Task<MemberView> Handle(string id, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().Include(m => m.Sanctions).FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException("党员", id);
        var person = await db.People.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == member.PersonId, ct);
        return new MemberView(member, person);
    }
}

/// <summary>The registry of an organisation and everything below it (or of the whole scope), by name.</summary>
public sealed class ListMembers(JishiDbContext db)
{
    public async Task<(IReadOnlyList<MemberView> Items, int Total)> Handle(string? orgId, string? q, int page, int pageSize,
        CancellationToken ct = default)
    {
        var members = db.Members.AsNoTracking().Where(m => m.LeftDate == null);
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var org = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                ?? throw new NotFoundException("组织", orgId, "orgId");
            var upper = Domain.Organisations.Organisation.SubtreeUpperBound(org.Path);
            members = members.Where(m => m.OrgPath.CompareTo(org.Path) >= 0 && m.OrgPath.CompareTo(upper) < 0);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            members = members.Where(m => m.Name.Contains(term));
        }

        var total = await members.CountAsync(ct);
        var rows = await members.OrderBy(m => m.OrgPath).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);

        // The page's people and sanctions in two more queries; a member's person may have been registered elsewhere.
        var ids = rows.Select(m => m.Id).ToList();
        var personIds = rows.Select(m => m.PersonId).ToList();
        var sanctions = await db.Sanctions.AsNoTracking().Where(s => ids.Contains(s.MemberId)).ToListAsync(ct);
        var people = await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var m in rows)
        {
            m.Sanctions.AddRange(sanctions.Where(s => s.MemberId == m.Id));
        }

        return (rows.Select(m => new MemberView(m, people[m.PersonId])).ToList(), total);
    }
}

/// <summary>Records a disciplinary sanction (党纪处分) with its effect period (G-16).</summary>
public sealed class AddSanction(JishiDbContext db, TimeProvider time)
{
    public async Task<Sanction> Handle(string memberId, NewSanction input, CancellationToken ct = default)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("党员", memberId);
        var v = new Validation();
        var type = v.Required("type", input.Type, "处分种类");
        var approved = v.Required("approvedDate", input.ApprovedDate, "处分批准日期");
        v.NotAfterToday("approvedDate", input.ApprovedDate, ChinaTime.Today(time), "处分批准日期");
        if (input.MatterRef is { Length: > 100 })
        {
            v.Add("matterRef", "事项编号不能超过 100 字");
        }

        await CheckDecision(member, input, v, ct);
        v.ThrowIfInvalid();
        var errors = SanctionEffect.Validate(type, approved, input.RightsRestoredDate);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var sanction = new Sanction
        {
            Id = Ids.New(time),
            MemberId = member.Id,
            Type = type,
            ApprovedDate = approved,
            RightsRestoredDate = input.RightsRestoredDate,
            MatterRef = string.IsNullOrWhiteSpace(input.MatterRef) ? null : input.MatterRef.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        db.Sanctions.Add(sanction);
        await db.SaveChangesAsync(ct);
        return sanction;
    }

    /// <summary>L-04-assembly-votes (S7 第十一条): a sanction decided by a 党支部 is its assembly's decision — the vote's
    /// figures are required, consistent, with a quorum (2A &gt; N) and passed (2Y &gt; N); a vote given is checked whoever
    /// decided. The deciding organisation is the member's own or one above it.</summary>
    private async Task CheckDecision(Member member, NewSanction input, Validation v, CancellationToken ct)
    {
        var orgId = v.Optional("decidingOrgId", input.DecidingOrgId, 20, "作出处分决定的组织");
        if (orgId is not null)
        {
            var org = await db.Orgs.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                      ?? throw new NotFoundException("组织", orgId, "decidingOrgId");
            if (!member.OrgPath.Contains("/" + org.Id + "/", StringComparison.Ordinal))
            {
                v.Add("decidingOrgId", $"作出处分决定的组织应为 {member.Name} 所在的党组织或其上级党组织，“{org.Name}”不是");
            }
            else if (org.Type.IsBranch() && input.AssemblyVote is null)
            {
                v.Add("assemblyVote", $"“{org.Name}”是党支部：处分须经支部党员大会讨论决定，应填写表决情况"
                    + "（eligibleVoterCount 应到会、presentVoterCount 实到会、votesFor 赞成；L-04-assembly-votes）");
            }
        }

        if (input.AssemblyVote is not { } vote)
        {
            return;
        }

        var n = v.Required("assemblyVote.eligibleVoterCount", vote.EligibleVoterCount, "应到会有表决权的党员人数");
        var a = v.Required("assemblyVote.presentVoterCount", vote.PresentVoterCount, "实到会有表决权的党员人数");
        var y = v.Required("assemblyVote.votesFor", vote.VotesFor, "赞成票数");
        var figures = AssemblyVotes.Figures("assemblyVote.", vote.EligibleVoterCount, vote.PresentVoterCount, vote.VotesFor, vote.VotesAgainst,
            vote.Abstentions).ToList();
        foreach (var e in figures)
        {
            v.Add(e.Field, e.Message);
        }

        if (figures.Count == 0 && vote is { EligibleVoterCount: not null, PresentVoterCount: not null, VotesFor: not null })
        {
            v.Refuse(AssemblyVotes.Quorum(n, a) ?? AssemblyVotes.Passed(n, y, "对 " + member.Name + " 的处分"));
        }
    }
}

/// <summary>
/// 毕业生 (T-12-graduates, 第三十四条): the organisation holding a graduate's relation records the graduation date (and
/// whether the graduate is placed); from then its WARN deadline runs to graduation + 24 months while it still holds the
/// relation. Recording again corrects the date; the organisation keeping the relation now becomes the keeper.
/// </summary>
public sealed class RecordGraduation(JishiDbContext db, TimeProvider time)
{
    public async Task<Member> Handle(string memberId, NewGraduation input, CancellationToken ct = default)
    {
        db.EnsureCallerCanWrite();
        var v = new Validation();
        var graduated = v.Required("graduationDate", input.GraduationDate, "毕业日期");
        v.NotAfterToday("graduationDate", input.GraduationDate, ChinaTime.Today(time), "毕业日期");
        v.ThrowIfInvalid();
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("党员", memberId);
        if (member.LeftDate is not null)
        {
            throw new RuleViolationException([Refusal.Block(RuleIds.T12Graduates, Domain.Transfers.GraduateRules.Article34,
                $"{member.Name} 已不在本系统党员名册中（{member.LeftDate:yyyy-MM-dd}），组织关系不由本组织保留")]);
        }

        member.GraduationDate = graduated;
        member.GraduatePlaced = input.Placed ?? false;
        member.GraduationOrgId = member.OrgId;
        await db.SaveChangesAsync(ct);
        return member;
    }
}

/// <summary>A member's history (API.md GET /members/{id}/history): every coded change, oldest first. The member must
/// be in the caller's scope; the entries of organisations the member has left are shown with it.</summary>
public sealed class GetMemberHistory(JishiDbContext db)
{
    public async Task<IReadOnlyList<MembershipChangeRecord>> Handle(string memberId, CancellationToken ct = default)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct))
        {
            throw new NotFoundException("党员", memberId);
        }

        var rows = await db.MemberHistory.IgnoreQueryFilters().AsNoTracking().Where(h => h.MemberId == memberId).ToListAsync(ct);
        return Ordered(rows);
    }

    /// <summary>Oldest first; on one day a move's TransferredOut before its TransferredIn, otherwise as recorded.</summary>
    public static IReadOnlyList<MembershipChangeRecord> Ordered(IEnumerable<MembershipChangeRecord> rows) =>
        rows.OrderBy(h => h.Date).ThenBy(h => h.RecordedAt).ThenBy(h => h.Change == MembershipChange.TransferredIn ? 1 : 0)
            .ThenBy(h => h.Id, StringComparer.Ordinal).ToList();

}

/// <summary>The flags of a member (API.md): what the procedures say of them now.</summary>
public sealed class MemberFlags(JishiDbContext db, TimeProvider time)
{
    public const string TransferPending = "TransferPending";
    public const string TemporaryRelationOut = "TemporaryRelationOut";
    public const string Left = "Left";

    /// <summary>流动党员: away from the formal branch 6 months or more without a transfer (F-01).</summary>
    public const string Mobile = "Mobile";

    /// <summary>外出不满6个月 (registered as leaving; not yet a mobile member by F-01).</summary>
    public const string Away = "Away";

    /// <summary>失去联系 (an open lost-contact case, before 停止党籍).</summary>
    public const string LostContact = "LostContact";

    /// <summary>停止党籍 (F-06).</summary>
    public const string Suspended = "Suspended";

    /// <summary>持《流动党员活动证》 (F-03).</summary>
    public const string ActivityCard = "ActivityCard";

    /// <summary>出国（境）: an open mobile-member record abroad for study, research or settlement (T-13-abroad).</summary>
    public const string Abroad = "Abroad";

    /// <summary>毕业生组织关系保留超过2年 (T-12-graduates).</summary>
    public const string GraduateRelationOverdue = "GraduateRelationOverdue";

    public async Task<IReadOnlyList<string>> Handle(Member member, CancellationToken ct = default) =>
        Of(member, await ListMemberProcedures.Open(db, member.Id, ct), ChinaTime.Today(time));

    /// <summary>The flags of <paramref name="member"/> on <paramref name="today"/> from their open procedures.</summary>
    public static IReadOnlyList<string> Of(Member member, OpenProcedures open, DateOnly today)
    {
        var flags = new List<string>();
        if (open.Transfers.Any(t => t.Kind == Domain.Transfers.TransferKind.Formal))
        {
            flags.Add(TransferPending);
        }

        if (open.Transfers.Any(t => t.Kind == Domain.Transfers.TransferKind.Certificate))
        {
            flags.Add(TemporaryRelationOut);
        }

        if (open.Mobility is [var away, ..])
        {
            flags.Add(today >= away.LeftDate.AddMonths(Domain.Mobility.MobilityRules.MobileAfterMonths) ? Mobile : Away);
            if (away.ActivityCardNo is not null)
            {
                flags.Add(ActivityCard);
            }

            if (away.AbroadKind != Domain.Mobility.AbroadKind.None)
            {
                flags.Add(Abroad);
            }
        }

        if (member is { GraduationDate: { } graduated, GraduationOrgId: { } keeper }
            && Domain.Transfers.GraduateRules.Applies(keeper, member.OrgId, member.LeftDate is not null)
            && Domain.Transfers.GraduateRules.IsOverdue(graduated, today))
        {
            flags.Add(GraduateRelationOverdue);
        }

        if (member.SuspendedDate is not null)
        {
            flags.Add(Suspended);
        }
        else if (open.LostContacts.Count > 0)
        {
            flags.Add(LostContact);
        }

        if (member.LeftDate is not null)
        {
            flags.Add(Left);
        }

        return flags;
    }
}
