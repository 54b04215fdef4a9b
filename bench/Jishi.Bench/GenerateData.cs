using System.Globalization;
using Jishi.App.Calendar;
using Jishi.App.Cases;
using Jishi.Domain.Calendar;
using Jishi.Domain.Development;
using Jishi.Domain.People;

namespace Jishi.Bench;

/// <summary>The kind of a column, for the PostgreSQL binary COPY (SQLite binds the CLR value as EF Core stores it).</summary>
public enum ColumnKind
{
    Text,
    Int,
    Bool,
    Decimal,
    Date,
    Timestamp,
}

/// <summary>A table's rows, in memory, in the column order of <see cref="Columns"/>.</summary>
public sealed class TableRows(string name, params (string Name, ColumnKind Kind)[] columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<(string Name, ColumnKind Kind)> Columns { get; } = columns;

    public List<object?[]> Rows { get; } = [];

    public void Add(params object?[] row) => Rows.Add(row);
}

/// <summary>
/// A province-sized record, deterministic from the seed (<see cref="Random"/> only; no Guid, no clock): one provincial
/// committee, about 16 county committees per million members under prefectural committees, primary committees, some
/// general branches and branches of about 23 members (about 50,000 organisations per million members); the members' people (浙江 region codes 33xxxx, born 1940–2006),
/// ≈93% full and 7% probationary members; applicants with an open development case each (≈30% of the members), their
/// events (working days of the official calendar, holidays and 调休 included, 2022–2026, hash chain of <see cref="CaseJson.Hash(string,string,int,CaseEventType,DateOnly,DateTimeOffset,string,RulesVersion,string,string,string)"/>),
/// the case projection and its outstanding deadlines, both computed by the domain (<see cref="CaseState"/>, <see cref="Deadlines"/>).
/// </summary>
public sealed class GenerateData
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>No event after this day (the record is "as of" late November 2026).</summary>
    private static readonly DateOnly Cutoff = new(2026, 11, 20);

    private static readonly DateTimeOffset CreatedBase = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "方", "俞", "邵", "孟", "欧阳", "诸葛",
    ];

    private static readonly string Given =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩然欣怡子涵梓轩一诺思远晨曦佳琪雨萱博文俊杰嘉怡" +
        "海燕春梅晓东立新卫东小龙德明永福金凤淑珍丹辉鹏飞亮宁颖慧婷倩雪琳晶鑫晖昊天宏伟振华";

    // 浙江省: 杭州、宁波、温州、嘉兴、湖州、绍兴、金华、衢州、舟山、台州、丽水 districts and counties.
    private static readonly string[] Regions =
    [
        "330102", "330105", "330106", "330108", "330109", "330110", "330122", "330203", "330205", "330206", "330211",
        "330225", "330302", "330303", "330304", "330324", "330402", "330411", "330421", "330502", "330503", "330521",
        "330602", "330603", "330604", "330624", "330702", "330703", "330723", "330802", "330803", "330822", "330902",
        "330903", "331002", "331003", "331004", "331021", "331102", "331121",
    ];

    private static readonly string[] Cities = ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水"];

    private static readonly string[] Units = ["有限公司", "中学", "小学", "人民医院", "街道社区", "村", "研究院", "供电公司", "农商银行", "建设集团"];

    private readonly Random rng;
    private readonly HashSet<string> idNumbers = [];
    private long idCounter;

    private GenerateData(int seed) => rng = new Random(seed);

    public TableRows Orgs { get; } = new("orgs",
        ("Id", ColumnKind.Text), ("Name", ColumnKind.Text), ("Type", ColumnKind.Text), ("Level", ColumnKind.Text),
        ("ParentId", ColumnKind.Text), ("Path", ColumnKind.Text), ("Depth", ColumnKind.Int), ("HasCommittee", ColumnKind.Bool),
        ("HasAdmissionApprovalAuthority", ColumnKind.Bool), ("IsUnderTownshipOrSubdistrict", ColumnKind.Bool),
        ("MeetsDevelopmentConditions", ColumnKind.Bool), ("CreatedAt", ColumnKind.Timestamp));

    public TableRows People { get; } = new("people",
        ("Id", ColumnKind.Text), ("Name", ColumnKind.Text), ("IdNumber", ColumnKind.Text), ("BirthDate", ColumnKind.Date),
        ("Gender", ColumnKind.Text), ("Ethnicity", ColumnKind.Text), ("Education", ColumnKind.Text), ("Occupation", ColumnKind.Text),
        ("Phone", ColumnKind.Text), ("UnitName", ColumnKind.Text), ("UnitHasPartyOrg", ColumnKind.Bool),
        ("HukouLocation", ColumnKind.Text), ("Residence", ColumnKind.Text), ("IsMobile", ColumnKind.Bool),
        ("OutflowPlace", ColumnKind.Text), ("InflowPlace", ColumnKind.Text), ("ExpectedDepartureDate", ColumnKind.Date),
        ("OrgId", ColumnKind.Text), ("OrgPath", ColumnKind.Text), ("CreatedAt", ColumnKind.Timestamp));

    public TableRows Members { get; } = new("members",
        ("Id", ColumnKind.Text), ("PersonId", ColumnKind.Text), ("OrgId", ColumnKind.Text), ("OrgPath", ColumnKind.Text),
        ("Status", ColumnKind.Text), ("ProbationStartDate", ColumnKind.Date), ("PartyAgeStartDate", ColumnKind.Date),
        ("CreatedAt", ColumnKind.Timestamp), ("Name", ColumnKind.Text));

    public TableRows Cases { get; } = new("cases",
        ("Id", ColumnKind.Text), ("PersonId", ColumnKind.Text), ("PersonName", ColumnKind.Text), ("OrgId", ColumnKind.Text),
        ("OrgPath", ColumnKind.Text), ("ReceivingOrgRelation", ColumnKind.Text), ("Stage", ColumnKind.Text),
        ("Status", ColumnKind.Text), ("Version", ColumnKind.Int), ("EventCount", ColumnKind.Int), ("HeadHash", ColumnKind.Text),
        ("ApplicationReceivedDate", ColumnKind.Date), ("ActivistDate", ColumnKind.Date), ("CandidateListedDate", ColumnKind.Date),
        ("PreReviewPassedDate", ColumnKind.Date), ("AssemblyDate", ColumnKind.Date), ("ApprovalDate", ColumnKind.Date),
        ("ProbationStartDate", ColumnKind.Date), ("ExpiryDate", ColumnKind.Date), ("ExtendedExpiryDate", ColumnKind.Date),
        ("PartyAgeStartDate", ColumnKind.Date), ("CreatedAt", ColumnKind.Timestamp), ("UpdatedAt", ColumnKind.Timestamp));

    public TableRows CaseEvents { get; } = new("case_events",
        ("CaseId", ColumnKind.Text), ("Seq", ColumnKind.Int), ("Type", ColumnKind.Text), ("Date", ColumnKind.Date),
        ("RecordedAt", ColumnKind.Timestamp), ("RecordedBy", ColumnKind.Text), ("RecordedByName", ColumnKind.Text),
        ("RulesVersion", ColumnKind.Text), ("DataJson", ColumnKind.Text), ("OverridesJson", ColumnKind.Text),
        ("ExceptionsJson", ColumnKind.Text), ("PrevHash", ColumnKind.Text), ("Hash", ColumnKind.Text));

    public TableRows CaseDeadlines { get; } = new("case_deadlines",
        ("CaseId", ColumnKind.Text), ("Rule", ColumnKind.Text), ("DueDate", ColumnKind.Date), ("OrgPath", ColumnKind.Text));

    /// <summary>In load order (foreign keys: orgs, people, members, cases, case_events, case_deadlines).</summary>
    public IReadOnlyList<TableRows> Tables => [Orgs, People, Members, Cases, CaseEvents, CaseDeadlines];

    private sealed record Branch(string Id, string Path, string PrimaryId, string Unit, List<string> MemberIds);

    public static GenerateData Build(int members, int seed)
    {
        var g = new GenerateData(seed);
        var branches = g.BuildOrgs(members);
        g.BuildMembers(members, branches);
        g.BuildCases(members * 3 / 10, branches);
        return g;
    }

    private DateTimeOffset NextCreatedAt() => CreatedBase.AddMilliseconds(idCounter);

    /// <summary>Like <c>Jishi.App.Ids</c>: 10 characters of milliseconds (here a counter from 2026-11-01) and 10 random.</summary>
    private string NewId()
    {
        var ms = (ulong)(CreatedBase.ToUnixTimeMilliseconds() + idCounter++) & 0xFFFF_FFFF_FFFFUL;
        Span<char> chars = stackalloc char[20];
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(ms & 31)];
            ms >>= 5;
        }

        for (var i = 10; i < 20; i++)
        {
            chars[i] = Alphabet[rng.Next(32)];
        }

        return new string(chars);
    }

    private (string Id, string Path) Org(string name, string type, string level, string? parentId, string parentPath, int depth,
        bool committee, bool approval)
    {
        var createdAt = NextCreatedAt();
        var id = NewId();
        var path = parentPath + id + "/";
        Orgs.Add(id, name, type, level, parentId, path, depth, committee, approval, false, false, createdAt);
        return (id, path);
    }

    private List<Branch> BuildOrgs(int members)
    {
        var branchTarget = Math.Max(1, members / 23);
        var countyCount = Math.Max(2, (int)Math.Round(16.0 * members / 1_000_000));
        var prefectureCount = Math.Max(1, (countyCount + 3) / 4);
        var province = Org("中共浙江省委员会", "ProvincialCommittee", "Provincial", null, "/", 0, true, true);
        var counties = new List<(string Id, string Path, string City)>();
        for (var p = 0; p < prefectureCount; p++)
        {
            var city = Cities[p % Cities.Length] + (p >= Cities.Length ? (p / Cities.Length + 1).ToString(CultureInfo.InvariantCulture) : "");
            var prefecture = Org($"中共{city}市委员会", "PrefecturalCommittee", "Prefectural", province.Id, province.Path, 1, true, true);
            for (var c = p; c < countyCount; c += prefectureCount)
            {
                var county = Org($"中共{city}市第{c / prefectureCount + 1}区委员会", "CountyCommittee", "County", prefecture.Id,
                    prefecture.Path, 2, true, true);
                counties.Add((county.Id, county.Path, city));
            }
        }

        var branches = new List<Branch>(branchTarget);
        var primaryNo = 0;
        while (branches.Count < branchTarget)
        {
            var county = counties[primaryNo % counties.Count];
            primaryNo++;
            var unit = county.City + Pick(["华兴", "东方", "新民", "永安", "明德", "光华", "红星", "青山", "海港", "百川"]) +
                Units[rng.Next(Units.Length)] + primaryNo.ToString(CultureInfo.InvariantCulture);
            var township = rng.Next(4) == 0;
            var primary = Org($"中共{unit}委员会", township ? "TownshipCommittee" : "PrimaryCommittee", "Primary", county.Id,
                county.Path, 3, true, !township || rng.Next(2) == 0);
            var withGeneralBranches = rng.Next(10) < 3;
            var groups = withGeneralBranches ? 2 + rng.Next(3) : 1;
            for (var gNo = 0; gNo < groups && branches.Count < branchTarget; gNo++)
            {
                var parent = primary;
                var depth = 4;
                if (withGeneralBranches)
                {
                    parent = Org($"中共{unit}第{gNo + 1}总支部委员会", "GeneralBranch", "Primary", primary.Id, primary.Path, 4, true, false);
                    depth = 5;
                }

                var count = withGeneralBranches ? 3 + rng.Next(4) : 4 + rng.Next(13);
                for (var b = 0; b < count && branches.Count < branchTarget; b++)
                {
                    var branch = Org($"中共{unit}第{gNo * 10 + b + 1}支部委员会", "Branch", "Branch", parent.Id, parent.Path, depth,
                        rng.Next(10) < 7, false);
                    branches.Add(new Branch(branch.Id, branch.Path, primary.Id, unit, []));
                }
            }
        }

        return branches;
    }

    private string Pick(string[] values) => values[rng.Next(values.Length)];

    private string ChineseName() =>
        Surnames[rng.Next(Surnames.Length)] + Given[rng.Next(Given.Length)] + (rng.Next(10) < 7 ? Given[rng.Next(Given.Length)].ToString() : "");

    /// <summary>The official calendar the product ships (holidays and 调休 working weekends of 2013–2026).</summary>
    private static readonly WorkingDayCalendar Calendar = new(OfficialCalendar.ShippedYears());

    /// <summary>The day itself if it is a working day under the official calendar, else the next working day. Before
    /// 2013 (members' old probation dates), where the product ships no calendar, Monday–Friday.</summary>
    private static DateOnly WorkingDay(DateOnly d)
    {
        while (Calendar.IsLoaded(d.Year) ? !Calendar.IsWorkingDay(d) : d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            d = d.AddDays(1);
        }

        return d;
    }

    private (string IdNumber, DateOnly Birth, string Gender) NewIdentity(int fromYear, int toYear)
    {
        while (true)
        {
            var birth = new DateOnly(fromYear, 1, 1).AddDays(rng.Next(new DateOnly(toYear, 12, 31).DayNumber - new DateOnly(fromYear, 1, 1).DayNumber + 1));
            var seq = rng.Next(1000);
            var first17 = Regions[rng.Next(Regions.Length)] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) +
                seq.ToString("000", CultureInfo.InvariantCulture);
            var idNumber = first17 + IdNumber.ComputeCheckDigit(first17);
            if (idNumbers.Add(idNumber))
            {
                return (idNumber, birth, seq % 2 == 1 ? "Male" : "Female");
            }
        }
    }

    private (string Id, string Name) Person(Branch branch, int fromYear, int toYear)
    {
        var (idNumber, birth, gender) = NewIdentity(fromYear, toYear);
        var name = ChineseName();
        var createdAt = NextCreatedAt();
        var id = NewId();
        var education = Pick(["Master", "Bachelor", "Bachelor", "JuniorCollege", "JuniorCollege", "SecondaryVocational", "HighSchool", "JuniorHighOrBelow"]);
        var occupation = birth.Year < 1962 ? "Retiree" : Pick(["Worker", "FarmerHerderFisher", "ProfessionalTechnical", "EnterpriseManager", "PartyGovernmentStaff", "Other"]);
        var phone = "1" + Pick(["33", "35", "38", "39", "58", "59", "80", "86", "89"]) + rng.Next(100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
        var mobile = rng.Next(100) < 3;
        People.Add(id, name, idNumber, birth, gender, rng.Next(100) < 97 ? "汉族" : Pick(["畲族", "回族", "土家族", "苗族"]), education,
            occupation, phone, branch.Unit, true, Cities[rng.Next(Cities.Length)] + "市", Cities[rng.Next(Cities.Length)] + "市",
            mobile, mobile ? "上海市" : null, null, null, branch.Id, branch.Path, createdAt);
        return (id, name);
    }

    private void BuildMembers(int members, List<Branch> branches)
    {
        for (var i = 0; i < members; i++)
        {
            var branch = branches[rng.Next(branches.Count)];
            var (personId, name) = Person(branch, 1940, 2004);
            var birthYear = int.Parse(People.Rows[^1][2] is string n ? n.AsSpan(6, 4) : "1980", CultureInfo.InvariantCulture);
            var probationary = rng.Next(100) < 7;
            DateOnly probationStart;
            DateOnly? partyAge;
            if (probationary)
            {
                probationStart = WorkingDay(new DateOnly(2025, 11, 20).AddDays(rng.Next(360)));
                partyAge = null;
            }
            else
            {
                var earliest = new DateOnly(birthYear + 19, 1, 1);
                var latest = new DateOnly(2025, 6, 30);
                if (earliest > latest)
                {
                    earliest = latest.AddDays(-365);
                }

                probationStart = WorkingDay(earliest.AddDays(rng.Next(latest.DayNumber - earliest.DayNumber + 1)));
                partyAge = probationStart.AddYears(1);
            }

            var createdAt = NextCreatedAt();
            var id = NewId();
            Members.Add(id, personId, branch.Id, branch.Path, probationary ? "ProbationaryMember" : "FullMember", probationStart, partyAge,
                createdAt, name);
            branch.MemberIds.Add(id);
        }
    }

    /// <summary>The statutory journey from the application to probation (steps, gap in days min–max, data).</summary>
    private static readonly (CaseEventType Type, int Min, int Max)[] Journey =
    [
        (CaseEventType.ApplicationReceived, 0, 0),
        (CaseEventType.ApplicationTalkHeld, 5, 25),
        (CaseEventType.NominationRecorded, 20, 90),
        (CaseEventType.ActivistDesignated, 7, 40),
        (CaseEventType.ActivistFiled, 3, 20),
        (CaseEventType.MentorAssigned, 0, 10),
        (CaseEventType.ActivistAssessed, 80, 100),
        (CaseEventType.ActivistAssessed, 80, 100),
        (CaseEventType.ActivistAssessed, 80, 100),
        (CaseEventType.ActivistAssessed, 80, 100),
        (CaseEventType.OpinionsCollected, 5, 20),
        (CaseEventType.CandidateProposed, 3, 10),
        (CaseEventType.CandidateConsented, 3, 10),
        (CaseEventType.CandidateListed, 3, 10),
        (CaseEventType.SponsorsAssigned, 0, 5),
        (CaseEventType.PoliticalReviewConcluded, 15, 30),
        (CaseEventType.TrainingCompleted, 10, 30),
        (CaseEventType.BranchReviewPassed, 5, 15),
        (CaseEventType.PreReviewPassed, 5, 20),
        (CaseEventType.AdmissionFormIssued, 3, 10),
        (CaseEventType.AdmissionVoteHeld, 7, 20),
        (CaseEventType.AdmissionSubmitted, 1, 5),
        (CaseEventType.ApprovalTalkHeld, 5, 15),
        (CaseEventType.AdmissionApproved, 10, 40),
        (CaseEventType.DecisionAnnounced, 1, 10),
        (CaseEventType.AdmissionFiled, 1, 10),
        (CaseEventType.AssignedToBranchAndCell, 1, 10),
        (CaseEventType.OathTaken, 5, 25),
        (CaseEventType.ProbationAssessed, 50, 70),
        (CaseEventType.ProbationAssessed, 50, 70),
        (CaseEventType.ProbationAssessed, 50, 70),
        (CaseEventType.ProbationAssessed, 50, 70),
        (CaseEventType.ProbationAssessed, 50, 70),
    ];

    private static readonly TalkTopic[] AllTopics = Enum.GetValues<TalkTopic>();

    private EventData Data(CaseEventType type, Branch branch, string mentor1, string mentor2) => type switch
    {
        CaseEventType.ApplicationTalkHeld => new EventData { InterviewerMemberIds = [mentor1], Topics = AllTopics, Note = "谈话记录已存档" },
        CaseEventType.NominationRecorded => new EventData { Method = rng.Next(3) == 0 ? NominationMethod.MassOrgRecommendation : NominationMethod.MemberRecommendation },
        CaseEventType.ActivistDesignated or CaseEventType.CandidateProposed => new EventData { DecidedBy = DecidingBody.BranchCommitteeMeeting },
        CaseEventType.ActivistFiled => new EventData { FiledWithOrgId = branch.PrimaryId },
        CaseEventType.MentorAssigned => new EventData { MentorMemberIds = [mentor1, mentor2] },
        CaseEventType.ActivistAssessed or CaseEventType.ProbationAssessed => new EventData { Summary = Pick(["表现良好", "学习态度端正，按时参加党课", "工作中发挥骨干作用", "进步明显"]) },
        CaseEventType.SponsorsAssigned => new EventData { SponsorMemberIds = [mentor1, mentor2] },
        CaseEventType.AdmissionVoteHeld => new EventData { Result = AssemblyResult.Passed },
        CaseEventType.DecisionAnnounced => new EventData { Decision = AnnouncedDecision.Admission },
        _ => new EventData(),
    };

    /// <summary>
    /// How many steps of <see cref="Journey"/> a case has reached: a funnel over the stages, 35% applicants (steps
    /// 1–3), 30% activists (4–11), 20% candidates (12–24) and 15% probationary members (25–33), about 11 steps a case.
    /// </summary>
    private int StopBefore()
    {
        var p = rng.Next(100);
        return p < 35 ? 1 + rng.Next(3) : p < 65 ? 4 + rng.Next(10) : p < 85 ? 14 + rng.Next(10) : 24 + rng.Next(10);
    }

    private void BuildCases(int count, List<Branch> branches)
    {
        var relations = new[] { "UnitOrg", "UnitOrg", "UnitOrg", "UnitLocationOrg", "ResidenceOrg" };
        var first = new DateOnly(2022, 1, 3);
        const string noOverrides = "[]";
        for (var i = 0; i < count; i++)
        {
            var branch = branches[rng.Next(branches.Count)];
            var (personId, personName) = Person(branch, 1976, 2006);
            var mentor1 = branch.MemberIds.Count > 0 ? branch.MemberIds[rng.Next(branch.MemberIds.Count)] : "";
            var mentor2 = branch.MemberIds.Count > 1 ? branch.MemberIds[rng.Next(branch.MemberIds.Count)] : mentor1;
            var createdAt = NextCreatedAt();
            var caseId = NewId();
            // Where the case stands: the step it has reached, the gaps between its steps, and an application date such
            // that its last step lies within the last half year before the cutoff (from 2022-01-03 at the earliest).
            var stopBefore = StopBefore();
            var gaps = new int[stopBefore];
            for (var s = 1; s < stopBefore; s++)
            {
                gaps[s] = Journey[s].Min + rng.Next(Journey[s].Max - Journey[s].Min + 1);
            }

            var latest = Cutoff.AddDays(-gaps.Sum() - rng.Next(180) - 10);
            var received = WorkingDay(latest < first ? first.AddDays(rng.Next(60)) : latest);
            var state = new CaseState();
            var date = received;
            var head = CaseJson.GenesisHash;
            var recordedAt = createdAt;
            DateTimeOffset? firstRecordedAt = null;
            for (var s = 0; s < stopBefore; s++)
            {
                var type = Journey[s].Type;
                if (s > 0)
                {
                    date = WorkingDay(date.AddDays(gaps[s]));
                }

                if (date > Cutoff)
                {
                    break;
                }

                var seq = s + 1;
                var dataJson = CaseJson.Write(Data(type, branch, mentor1, mentor2));
                var version = RulesVersions.InForceOn(date);

                // Recorded on the day at 09:00 China time (01:00 UTC), a minute per step, to the millisecond.
                recordedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero).AddMinutes(seq);
                var hash = CaseJson.Hash(head, caseId, seq, type, date, recordedAt, "system", version, dataJson, noOverrides, noOverrides);
                CaseEvents.Add(caseId, seq, type.ToString(), date, recordedAt, "system", "系统", version.ToString(), dataJson, noOverrides,
                    noOverrides, head, hash);
                state.Apply(new CaseEvent(seq, type, date, System.Text.Json.JsonSerializer.Deserialize<EventData>(dataJson, CaseJson.Options)!, [], []));
                head = hash;
                firstRecordedAt ??= recordedAt;
            }

            var projection = new CaseRecord
            {
                Id = caseId,
                PersonId = personId,
                PersonName = personName,
                OrgId = branch.Id,
                OrgPath = branch.Path,
                ApplicationReceivedDate = received,
            };
            projection.Project(state);
            Cases.Add(caseId, personId, personName, branch.Id, branch.Path, relations[rng.Next(relations.Length)], projection.Stage.ToString(),
                projection.Status.ToString(), projection.EventCount, projection.EventCount, head, received, projection.ActivistDate,
                projection.CandidateListedDate, projection.PreReviewPassedDate, projection.AssemblyDate, projection.ApprovalDate,
                projection.ProbationStartDate, projection.ExpiryDate, projection.ExtendedExpiryDate, projection.PartyAgeStartDate,
                firstRecordedAt ?? createdAt, recordedAt);
            if (state.Status == CaseStatus.Open)
            {
                foreach (var d in Deadlines.Of(state).Where(d => d.Outstanding).GroupBy(d => d.Rule).Select(g => g.First()))
                {
                    CaseDeadlines.Add(caseId, d.Rule, d.DueDate, branch.Path);
                }
            }
        }
    }
}
