using Jishi.App.Cases;
using Jishi.App.Data;
using Jishi.App.LostContacts;
using Jishi.App.Mobility;
using Jishi.App.Procedures;
using Jishi.Domain.LostContacts;
using Jishi.Domain.Members;
using Jishi.Domain.Mobility;
using Jishi.Domain.Organisations;
using Jishi.Domain.OrgLife;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Demo;

/// <summary>
/// Gives the demo mobile members and lost-contact cases: members of the township's branches away and in touch every
/// quarter, one registered at a branch of the school committee (in the inflow register there) with an activity card
/// checked and appraised, one away under six months, one back home; lost contact being searched for, one past the
/// six months of F-05, one suspended a year ago and one found again; one studying abroad more than 5 years and one
/// settled abroad (T-13-abroad); a graduate of the school's branch kept more than 2 years (T-12-graduates). Each step goes through the use cases and their
/// rules; dates are relative to today.
/// </summary>
public sealed class SeedDemoMobility(JishiDbContext db, TimeProvider time)
{
    private static readonly int[] ContactDaysAgo = [200, 110, 20];

    public async Task<int> Handle(CancellationToken ct = default)
    {
        if (await db.Mobility.IgnoreQueryFilters().AnyAsync(ct) || await db.LostContacts.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }

        var orgs = await db.Orgs.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var town = orgs.FirstOrDefault(o => o.Type == OrgType.TownshipCommittee && o.HasAdmissionApprovalAuthority);
        var school = orgs.FirstOrDefault(o => o.Type == OrgType.PrimaryCommittee && o.HasAdmissionApprovalAuthority);
        if (town is null || school is null)
        {
            return 0;
        }

        var townBranches = orgs.Where(o => o.Type == OrgType.Branch && o.Path.StartsWith(town.Path, StringComparison.Ordinal))
            .OrderBy(o => o.Path).ToList();
        var schoolBranch = orgs.Where(o => o.Type == OrgType.Branch && o.Path.StartsWith(school.Path, StringComparison.Ordinal))
            .OrderBy(o => o.Path).FirstOrDefault();
        if (townBranches.Count == 0 || schoolBranch is null)
        {
            return 0;
        }

        // Members no demo case or transfer names stay where those expect them.
        var busy = db.Cases.IgnoreQueryFilters().Select(c => c.PersonId);
        var moving = db.Transfers.IgnoreQueryFilters().Select(t => t.MemberId);
        var named = string.Join('\n', await db.CaseEvents.IgnoreQueryFilters().AsNoTracking().Select(e => e.DataJson).ToListAsync(ct));
        var branchIds = townBranches.Select(b => b.Id).ToList();
        var candidates = (await db.Members.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.Status == MemberStatus.FullMember && m.LeftDate == null && branchIds.Contains(m.OrgId)
                    && !busy.Contains(m.PersonId) && !moving.Contains(m.Id))
                .OrderByDescending(m => m.Id).ToListAsync(ct))
            .Where(m => !named.Contains(m.Id, StringComparison.Ordinal)).Take(10).ToList();
        if (candidates.Count < 8)
        {
            return 0;
        }

        var today = ChinaTime.Today(time);
        var count = 0;

        async Task<string> Outflow(Member m, int monthsAgo, string destination, MobileCategory category, string? card = null,
            AbroadKind abroad = AbroadKind.None)
        {
            count++;
            var v = await new RegisterOutflow(db, new MobilityFacts(db, time), time).Handle(new NewProcedureEvent<MobilityEvent>(nameof(OutflowRegistered),
                today.AddMonths(-monthsAgo), new OutflowRegistered
                {
                    MemberId = m.Id,
                    Destination = destination,
                    Reason = abroad switch
                    {
                        AbroadKind.Study => "出国（境）攻读博士学位",
                        AbroadKind.Settled => "随配偶出国（境）定居",
                        _ => category == MobileCategory.Graduate ? "毕业后在外地求职" : "外出务工经商",
                    },
                    Category = category,
                    ActivityCardNo = card,
                    Phone = "1390000" + (1000 + count),
                    ExpectedReturnDate = abroad == AbroadKind.Settled ? null : today.AddMonths(6),
                    AbroadKind = abroad,
                }, [], []), ct);
            return v.Head.Id;
        }

        async Task Mobile(string id, MobilityEvent e, int daysAgo) =>
            await new RecordMobilityEvent(db, new MobilityFacts(db, time), time)
                .Handle(id, new NewProcedureEvent<MobilityEvent>(e.GetType().Name, today.AddDays(-daysAgo), e, [], []), null, ct);

        ContactLogged Contact(ContactMethod method, string summary) => new() { Method = method, Summary = summary };

        // Away eight months, in touch by phone every quarter, with an activity card.
        var away = await Outflow(candidates[0], 8, "广东省深圳市宝安区", MobileCategory.RuralMobile, "JS-2026-0001");
        foreach (var daysAgo in ContactDaysAgo)
        {
            await Mobile(away, Contact(ContactMethod.Phone, "电话联系，本人在电子厂工作，按月在线学习，党费通过手机交纳"), daysAgo);
        }

        // Registered at a branch of the school committee: the inflow register there, its appraisal and the card checked.
        var atInflow = await Outflow(candidates[1], 11, "本县城区（县中学附近）", MobileCategory.MobileTalent);
        await Mobile(atInflow, new InflowRegistered { InflowOrgId = schoolBranch.Id, ContactPerson = "党支部组织委员，电话 0510-8888 0001" }, 300);
        await Mobile(atInflow, new ActivityCardIssued { CardNo = "JS-2026-0002" }, 290);
        await Mobile(atInflow, Contact(ContactMethod.Visit, "到流入地党支部走访，了解参加组织生活情况"), 150);
        await Mobile(atInflow, new InflowAppraised { Year = today.AddMonths(-1).Year, Grade = AppraisalGrade.Qualified }, 30);
        await Mobile(atInflow, new ActivityCardChecked { Year = today.AddMonths(-1).Year }, 30);

        // Away under six months: not yet a 流动党员 (F-01), no contact this quarter yet.
        await Outflow(candidates[2], 4, "江苏省苏州市工业园区", MobileCategory.Graduate);

        // Back home after a year away.
        var back = await Outflow(candidates[3], 14, "浙江省宁波市", MobileCategory.DispatchedWorker);
        await Mobile(back, Contact(ContactMethod.Online, "微信联系，告知预计返乡时间"), 200);
        await Mobile(back, new Returned { Note = "已返乡，恢复参加本支部组织生活" }, 25);

        // Abroad (T-13-abroad): studying abroad more than 5 years, in touch every half-year and prompted for review;
        // settled abroad, prompted from the start.
        if (candidates.Count >= 10)
        {
            var study = await Outflow(candidates[8], 64, "英国伦敦", MobileCategory.Overseas, abroad: AbroadKind.Study);
            await Mobile(study, Contact(ContactMethod.Online, "视频联系，本人在读博士，按期在线学习"), 150);
            await Mobile(study, Contact(ContactMethod.Online, "邮件联系，告知学业进展"), 20);
            await Outflow(candidates[9], 3, "加拿大温哥华", MobileCategory.Overseas, abroad: AbroadKind.Settled);
        }

        async Task<string> Lost(Member m, int monthsAgo, LostContactCircumstance circumstance)
        {
            count++;
            var since = today.AddMonths(-monthsAgo);
            var v = await new ReportLostContact(db, new LostContactFacts(db, time), time).Handle(new NewProcedureEvent<LostContactEvent>(nameof(Reported),
                since.AddDays(20), new Reported { MemberId = m.Id, LostSinceDate = since, Circumstance = circumstance }, [], []), ct);
            return v.Head.Id;
        }

        async Task Step(string id, LostContactEvent e, int daysAgo) =>
            await new RecordLostContactEvent(db, new LostContactFacts(db, time), time)
                .Handle(id, new NewProcedureEvent<LostContactEvent>(e.GetType().Name, today.AddDays(-daysAgo), e, [], []), null, ct);

        var branchOf = candidates.ToDictionary(m => m.Id, m => m.OrgId);

        var searching = await Lost(candidates[4], 3, LostContactCircumstance.WorkingAway);
        await Step(searching, new SearchLogged { Method = "联系家属", Result = "家属称其在外地务工，未留联系方式" }, 40);

        var overdue = await Lost(candidates[5], 9, LostContactCircumstance.ResidenceChanged);
        await Step(overdue, new SearchLogged { Method = "走访原居住地、询问村委会", Result = "已搬离，去向不明" }, 220);
        await Step(overdue, new SearchLogged { Method = "请公安派出所协查", Result = "未查到现居住地" }, 120);

        var suspended = await Lost(candidates[6], 20, LostContactCircumstance.GraduateWhereaboutsUnknown);
        await Step(suspended, new SearchLogged { Method = "联系原就读学校和家属", Result = "均无法取得联系" }, 500);
        await Step(suspended, new SuspensionDecided { DecidingOrgId = branchOf[candidates[6].Id], Basis = "党支部党员大会决议" }, 400);
        await Step(suspended, new SuspensionApproved { ApprovingOrgId = town.Id }, 390);

        var found = await Lost(candidates[7], 5, LostContactCircumstance.EmployerChanged);
        await Step(found, new SearchLogged { Method = "联系原工作单位", Result = "取得新单位电话" }, 60);
        await Step(found, new Found { Note = "已取得联系，本人承诺按时参加组织生活" }, 50);

        // A graduate whose relation the school's branch has kept more than 2 years (T-12-graduates).
        var graduate = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.OrgId == schoolBranch.Id && m.Status == MemberStatus.FullMember && m.LeftDate == null && m.GraduationDate == null
                && !busy.Contains(m.PersonId) && !moving.Contains(m.Id))
            .OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        if (graduate is not null)
        {
            await new Members.RecordGraduation(db, time).Handle(graduate.Id, new Members.NewGraduation(today.AddMonths(-27), Placed: false), ct);
        }

        return count;
    }
}
