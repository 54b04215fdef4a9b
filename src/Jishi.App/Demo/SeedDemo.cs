using System.Security.Cryptography;
using Jishi.App.Data;
using Jishi.Domain.Accounts;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.App.Demo;

/// <summary>The demo accounts and their (random) password, printed on the console.</summary>
public sealed record DemoLogin(string Password, IReadOnlyList<(string UserName, string Description)> Users);

/// <summary>
/// Seeds, once, a realistic demo: a county committee, two primary committees with approval authority, a general
/// branch, six branches, about 150 members with plausible names and valid id numbers, fourteen applicants, and three
/// accounts (Admin, a branch Manager, a county Viewer) sharing one random password.
/// The data is deterministic (a fixed random seed) apart from ids and the password.
/// </summary>
public sealed class SeedDemo(JishiDbContext db, TimeProvider time)
{
    public static readonly IReadOnlyList<(string UserName, string Description)> Accounts =
    [
        ("admin", "系统管理员（Admin，全部组织）"),
        ("zhibu1", "城关镇第一社区党支部书记（Manager）"),
        ("xianwei", "县委组织部（Viewer，全县只读）"),
    ];

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
    ];

    private static readonly string[] GivenChars =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "桂", "英", "华", "建", "国", "志", "文", "辉", "玉", "兰", "红", "海", "燕", "晓", "鹏", "宇", "浩", "婷", "雪",
        "琳", "欣", "佳", "俊", "凯", "晨", "倩", "慧", "思", "颖",
    ];

    /// <summary>Seeds the demo unless the database already has organisations; returns the login, or null if skipped.</summary>
    public async Task<DemoLogin?> Handle(CancellationToken ct = default)
    {
        if (await db.Orgs.IgnoreQueryFilters().AnyAsync(ct))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = ChinaTime.Today(time);
        var rnd = new Random(20260511);
        var used = new HashSet<string>();

        Organisation Org(string name, OrgType type, Organisation? parent, bool approves = false, bool committee = true)
        {
            var id = Ids.New(time);
            var org = new Organisation
            {
                Id = id,
                Name = name,
                Type = type,
                Level = OrgTypes.DefaultLevel(type),
                ParentId = parent?.Id,
                Path = parent is null ? Organisation.RootPath(id) : parent.ChildPath(id),
                Depth = parent is null ? 0 : parent.Depth + 1,
                HasCommittee = committee,
                HasAdmissionApprovalAuthority = approves,
                IsUnderTownshipOrSubdistrict = Organisations.OrgRules.IsBelowTownship(parent),
                CreatedAt = now,
            };
            db.Orgs.Add(org);
            return org;
        }

        var county = Org("中共安和县委员会", OrgType.CountyCommittee, null, approves: true);
        var town = Org("中共安和县城关镇委员会", OrgType.TownshipCommittee, county, approves: true);
        var school = Org("中共安和县第一中学委员会", OrgType.PrimaryCommittee, county, approves: true);
        var community = Org("中共城关镇社区总支部委员会", OrgType.GeneralBranch, town);
        var branches = new[]
        {
            Org("中共城关镇第一社区支部委员会", OrgType.Branch, community),
            Org("中共城关镇第二社区支部委员会", OrgType.Branch, community, committee: false),
            Org("中共城关镇机关支部委员会", OrgType.Branch, town),
            Org("中共城关镇青山村支部委员会", OrgType.Branch, town),
            Org("中共安和县第一中学教工第一支部委员会", OrgType.Branch, school),
            Org("中共安和县第一中学教工第二支部委员会", OrgType.Branch, school, committee: false),
        };
        var memberCounts = new[] { 32, 6, 28, 35, 30, 19 };

        Person NewPerson(Organisation org, int birthYearFrom, int birthYearTo)
        {
            string idNumber;
            DateOnly birth;
            do
            {
                birth = new DateOnly(rnd.Next(birthYearFrom, birthYearTo + 1), rnd.Next(1, 13), 1);
                birth = birth.AddDays(rnd.Next(0, DateTime.DaysInMonth(birth.Year, birth.Month)));
                var first17 = $"331127{birth:yyyyMMdd}{rnd.Next(0, 1000):D3}";
                idNumber = first17 + IdNumber.ComputeCheckDigit(first17);
            }
            while (!used.Add(idNumber));

            var parsed = IdNumber.Parse(idNumber, today);
            var name = Surnames[rnd.Next(Surnames.Length)] + GivenChars[rnd.Next(GivenChars.Length)]
                + (rnd.Next(3) > 0 ? GivenChars[rnd.Next(GivenChars.Length)] : "");
            var person = new Person
            {
                Id = Ids.New(time),
                Name = name,
                IdNumber = parsed.Value,
                BirthDate = parsed.BirthDate,
                Gender = parsed.Gender,
                Ethnicity = rnd.Next(20) == 0 ? "畲族" : "汉族",
                Education = (Education)rnd.Next(0, 7),
                Occupation = org.Path.StartsWith(school.Path, StringComparison.Ordinal) ? Occupation.ProfessionalTechnical
                    : (Occupation)rnd.Next(0, 9),
                Phone = "13" + rnd.Next(0, 10) + rnd.Next(10_000_000, 99_999_999),
                HukouLocation = "浙江省安和县",
                Residence = "浙江省安和县城关镇",
                OrgId = org.Id,
                OrgPath = org.Path,
                CreatedAt = now,
            };
            db.People.Add(person);
            return person;
        }

        var firstMembers = new List<Member>();
        for (var b = 0; b < branches.Length; b++)
        {
            for (var i = 0; i < memberCounts[b]; i++)
            {
                var person = NewPerson(branches[b], 1948, 2000);
                var probationary = i % 15 == 14;
                var joined = probationary
                    ? today.AddDays(-rnd.Next(30, 300))
                    : new DateOnly(Math.Max(person.BirthDate.Year + 19, 1970), 7, 1).AddDays(rnd.Next(0, 3000));
                if (joined > today.AddYears(-1) && !probationary)
                {
                    joined = today.AddYears(-2);
                }

                var member = new Member
                {
                    Id = Ids.New(time),
                    PersonId = person.Id,
                    Name = person.Name,
                    OrgId = branches[b].Id,
                    OrgPath = branches[b].Path,
                    Status = probationary ? MemberStatus.ProbationaryMember : MemberStatus.FullMember,
                    ProbationStartDate = joined,
                    PartyAgeStartDate = probationary ? null : joined.AddYears(1),
                    CreatedAt = now,
                };
                db.Members.Add(member);
                if (i == 0)
                {
                    firstMembers.Add(member);
                }
            }
        }

        // A member under 留党察看 (no voting rights, G-08) and one with a warning still in effect (G-16).
        db.Sanctions.Add(new Sanction
        {
            Id = Ids.New(time),
            MemberId = firstMembers[0].Id,
            Type = SanctionType.Warning,
            ApprovedDate = today.AddMonths(-5),
            CreatedAt = now,
        });
        db.Sanctions.Add(new Sanction
        {
            Id = Ids.New(time),
            MemberId = firstMembers[2].Id,
            Type = SanctionType.DisciplinaryProbation,
            ApprovedDate = today.AddMonths(-8),
            CreatedAt = now,
        });

        // Fourteen people who have applied to join, registered by their branches.
        for (var i = 0; i < 14; i++)
        {
            var person = NewPerson(branches[i % branches.Length], 1985, 2006);
            person.UnitName = i % 3 == 0 ? "安和县第一中学" : i % 3 == 1 ? "安和县城关镇人民政府" : "浙江安和纺织有限公司";
            person.UnitHasPartyOrg = i % 3 != 2;
            person.IsMobile = i == 11;
            if (person.IsMobile)
            {
                person.OutflowPlace = "安徽省阜阳市";
                person.InflowPlace = "浙江省安和县";
            }
        }

        var password = NewPassword();
        var hasher = new PasswordHasher<User>();
        foreach (var (userName, description) in Accounts)
        {
            var user = new User
            {
                Id = Ids.New(time),
                UserName = userName,
                DisplayName = description[..description.IndexOf('（', StringComparison.Ordinal)],
                Role = userName == "admin" ? Role.Admin : userName == "zhibu1" ? Role.Manager : Role.Viewer,
                OrgId = userName == "admin" ? null : userName == "zhibu1" ? branches[0].Id : county.Id,
                CreatedAt = now,
            };
            user.PasswordHash = hasher.HashPassword(user, password);
            db.Users.Add(user);
        }

        await db.SaveChangesAsync(ct);
        return new DemoLogin(password, Accounts);
    }

    private static string NewPassword()
    {
        const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return "jishi-" + RandomNumberGenerator.GetString(Alphabet, 10);
    }
}
