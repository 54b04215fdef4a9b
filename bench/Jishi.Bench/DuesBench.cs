using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Jishi.App.Data;
using Jishi.App.Dues;
using Jishi.Domain.Dues;
using Jishi.Domain.Members;
using Jishi.Domain.Organisations;
using Jishi.Domain.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jishi.Bench;

/// <summary>
/// <c>dues</c>: the monthly collection sheet (收缴登记表) of a primary-level committee (基层党委) with about 5,000 members
/// in about 50 branches. The app is hosted in-process on a fresh database (<see cref="BenchHost"/>: a SQLite file, or a
/// PostgreSQL database created from the administrator connection string), which its migrations create; the committee,
/// its members (full and probationary, joined 1970–2026), a dues assessment of each from January 2026 (or the month
/// of admission; every category of D-01 … D-06, salaried and retired bases across the bands of D-02 and D-05, some
/// raised from July, a few exempt under D-07) and the year's payments (monthly, quarterly, some stopping — arrears —
/// and a few reversed and paid again, D-18) are inserted in bulk, as the generator does. Then, for the committee and
/// for one branch: <see cref="GetDuesSheet"/> (a fresh scope per call, as a request has, acting as the system caller),
/// the same rows read raw on one open connection (the subtree's members, their assessments, their payments), and
/// GET /api/v1/dues/sheet through the in-process server; each after a warm-up, one call after another.
/// </summary>
public static class DuesBench
{
    private const double TargetMs = 300;

    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>The sheet is read for November 2026: the last whole month of the generated year.</summary>
    private static readonly DuesMonth Last = new(2026, 11);

    private static readonly DuesMonth YearStart = new(2026, 1);

    private static readonly DateTimeOffset CreatedBase = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
    ];

    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩然欣怡子涵梓轩一诺思远晨曦佳琪雨萱博文俊";

    public sealed record Figures(string Name, int Lines, Stats UseCase, double UseCaseCpu, Stats Raw, double RawCpu, Stats? Http);

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options, ISet<string> flags)
    {
        if (BenchMain.Engine(options, out var provider, out var connection) is { } engineError)
        {
            return Fail(engineError);
        }

        int Number(string name, int fallback, int min) =>
            int.TryParse(options.GetValueOrDefault(name, fallback.ToString(CultureInfo.InvariantCulture)), NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var v) && v >= min ? v : throw new ArgumentException($"--{name} must be a number of at least {min}");

        int members, branches, seed, iterations, warmUp;
        try
        {
            members = Number("members", 5000, 50);
            branches = Number("branches", 50, 1);
            seed = Number("seed", 1, 0);
            iterations = Number("iterations", 50, 1);
            warmUp = Number("warmup", 5, 0);
        }
        catch (ArgumentException e)
        {
            return Fail(e.Message);
        }

        Console.WriteLine($"Jishi.Bench dues — the monthly dues sheet of a primary-level committee with {members:N0} members in {branches} branches");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine    {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}"));
#if DEBUG
        const string configuration = "Debug (figures not representative: use -c Release)";
#else
        const string configuration = "Release";
#endif
        Console.WriteLine($"build      {configuration}; server GC {System.Runtime.GCSettings.IsServerGC}; started {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}");
        Console.WriteLine($"load       {ProvinceCommand.LoadAverage()} (at the start; /proc/loadavg: 1, 5, 15 min)");
        Console.WriteLine($"provider   {provider}; seed {seed}; month {Last}; {warmUp} warm-up calls, then {iterations} sequential calls each");

        using var host = new BenchHost(provider, connection);
        using var http = host.Client();
        var admin = new Api(http, host.BootstrapToken);
        var clock = Stopwatch.StartNew();
        _ = await admin.GetAsync("/api/v1/orgs?parentId="); // starts the host: migrations applied
        Console.WriteLine($"host       started (schema by the app's migrations) in {clock.Elapsed.TotalMilliseconds:F0} ms; data: {host.Where}");

        clock.Restart();
        var data = DuesData.Build(members, branches, seed);
        var settings = host.Settings;
        await LoadAsync(settings, data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data       {data.Orgs.Rows.Count} organisations, {data.Members.Rows.Count:N0} members ({data.Probationary:N0} probationary), {data.Assessments.Rows.Count:N0} assessments, {data.Payments.Rows.Count:N0} payments ({data.Reversals} reversed) built and loaded in bulk in {clock.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine($"           categories: {string.Join(", ", data.Categories.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:N0}"))}");

        await using var services = RecordBench.Services(settings);
        var results = new List<Figures>();
        var branch = data.Branches[0];
        foreach (var (name, orgId, path) in new[] { ($"committee ({data.Committee.Name})", data.Committee.Id, data.Committee.Path), ($"one branch ({branch.Name})", branch.Id, branch.Path) })
        {
            Console.WriteLine();
            Console.WriteLine($"{name}: GetDuesSheet.Handle(orgId, \"{Last}\") (load average {ProvinceCommand.LoadAverage()})");
            results.Add(await MeasureAsync(services, settings, name, orgId, path, iterations, warmUp, flags.Contains("no-http") ? null : admin));
        }

        Console.WriteLine();
        Console.WriteLine($"summary: {data.Members.Rows.Count:N0} members, {provider} (load average {ProvinceCommand.LoadAverage()})");
        Console.WriteLine($"  {"figure",-44}{"p50",10}{"p95",10}{"p99",10}{"max",10}{"CPU/call",10}{"raw p50",10}{"ratio",8}  target");
        foreach (var r in results)
        {
            var target = r == results[0] ? $"< {TargetMs:F0} ms" : "";
            var verdict = r == results[0] ? r.UseCase.P50 < TargetMs && r.UseCase.P99 < TargetMs ? " — met" : " — NOT met" : "";
            Row($"{Short(r.Name)}: use case (ms)", r.UseCase, r.UseCaseCpu, r.Raw.P50, target + verdict);
            Row($"{Short(r.Name)}: raw engine (ms)", r.Raw, r.RawCpu, 0, "");
            if (r.Http is { } h)
            {
                Row($"{Short(r.Name)}: GET /api/v1/dues/sheet (ms)", h, null, r.Raw.P50, "");
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"VERDICT ({provider}): dues sheet of the committee ({results[0].Lines:N0} lines) p50 = {results[0].UseCase.P50:F1} ms, p99 = {results[0].UseCase.P99:F1} ms (target < {TargetMs:F0} ms) — {(results[0].UseCase.P99 < TargetMs ? "met" : "NOT met")}"));
        return 0;
    }

    private static string Short(string name) => name.Split(" (", 2)[0];

    private static void Row(string name, Stats s, double? cpu, double rawP50, string target)
    {
        var cpuText = cpu is { } c ? c.ToString("F1", CultureInfo.InvariantCulture) : "";
        var ratio = rawP50 > 0 ? (s.P50 / rawP50).ToString("F1", CultureInfo.InvariantCulture) : "";
        var raw = rawP50 > 0 ? rawP50.ToString("F2", CultureInfo.InvariantCulture) : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-44}{s.P50,10:F2}{s.P95,10:F2}{s.P99,10:F2}{s.Max,10:F2}{cpuText,10}{raw,10}{ratio,8}  {target}"));
    }

    private static async Task<Figures> MeasureAsync(IServiceProvider services, DatabaseSettings settings, string name, string orgId, string path,
        int iterations, int warmUp, Api? api)
    {
        var month = Last.ToString();
        DuesSheet? sheet = null;
        async Task UseCase()
        {
            await using var scope = RecordBench.SystemScope(services);
            sheet = await scope.ServiceProvider.GetRequiredService<GetDuesSheet>().Handle(orgId, month);
        }

        // The SQL of one call (EF Core's diagnostic events, which cost time of their own: counted outside the timed runs).
        await UseCase();
        var probe = DbProbe.Start();
        probe.RecordText = true;
        var before = probe.Snapshot();
        const int probed = 5;
        for (var i = 0; i < probed; i++)
        {
            await UseCase();
        }

        var after = probe.Snapshot();
        probe.Dispose();
        var sqlPerCall = (double)(after.Commands - before.Commands) / probed;
        var sqlMsPerCall = (after.Time - before.Time).TotalMilliseconds / probed;
        foreach (var (text, (count, time)) in probe.ByCommand.OrderByDescending(c => c.Value.Time))
        {
            var oneLine = text.ReplaceLineEndings(" ");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    SQL {(double)count / probed,4:F1} × per call, {time.TotalMilliseconds / probed,7:F2} ms to execute, {text.Length:N0} characters: {oneLine[..Math.Min(120, oneLine.Length)]}"));
        }

        var allocBefore = GC.GetTotalAllocatedBytes(precise: false);
        var (useCase, useCaseCpu) = await TimeWithCpuAsync(iterations, warmUp, UseCase);
        var allocMiB = (GC.GetTotalAllocatedBytes(precise: false) - allocBefore) / 1024.0 / 1024.0 / (iterations + warmUp);
        var t = sheet!.Totals;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sheet: {t.Members:N0} lines, {t.Paid:N0} paid for {month}, {t.InArrears:N0} in arrears before it ({sheet.Items.Count(l => l.LongestArrearsRun >= 6):N0} with 6 months or more in a row), {t.Unassessed} unassessed; due {t.Due:N2} 元, collected {t.Collected:N2} 元"));
        Console.WriteLine($"  use case {useCase}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"           per call: {sqlPerCall:F1} SQL commands, {sqlMsPerCall:F2} ms executing them (EF Core's CommandExecuted, before the rows are read), {allocMiB:F1} MiB allocated, {useCaseCpu:F1} ms CPU (this process, GC included)"));

        // Where the time goes: the use case's two reads on their own (its members query, then DuesBook.LoadSubtreeAsync for
        // the sheet's month, in one scope as the use case has); the rest of a call is building the lines in memory.
        var memberCount = sheet.Items.Count;
        var theMonth = DuesMonth.Parse(month)!.Value;
        var upper = Organisation.SubtreeUpperBound(path);
        var membersRead = await TimeAsync(iterations, warmUp, async () =>
        {
            await using var scope = RecordBench.SystemScope(services);
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            _ = await db.Orgs.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId);
            _ = await db.Members.AsNoTracking()
                .Where(x => x.OrgPath.CompareTo(path) >= 0 && x.OrgPath.CompareTo(upper) < 0
                    && (x.Status == MemberStatus.ProbationaryMember || x.Status == MemberStatus.FullMember || x.LeftDate != null))
                .OrderBy(x => x.Name).ThenBy(x => x.Id).ToListAsync();
        });
        var booksRead = await TimeAsync(iterations, warmUp, async () =>
        {
            await using var scope = RecordBench.SystemScope(services);
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            var org = await db.Orgs.AsNoTracking().FirstAsync(o => o.Id == orgId);
            _ = await DuesBook.LoadSubtreeAsync(db, org, default, receiptsOf: theMonth);
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"           of which (p50): organisation and members through EF Core {membersRead.P50:F1} ms, DuesBook.LoadSubtreeAsync (assessments, months paid as runs and the month's payments of {memberCount:N0} members) {booksRead.P50:F1} ms, the lines in memory ≈ {Math.Max(0, useCase.P50 - membersRead.P50 - booksRead.P50):F1} ms (the rest)"));

        await using var connection = RecordBench.Connect(settings);
        await connection.OpenAsync();
        var rows = 0;
        var (raw, rawCpu) = await TimeWithCpuAsync(iterations, warmUp, async () => rows = await ReadRawAsync(connection, orgId, path, month));
        Console.WriteLine($"  raw      {raw}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"           per call: {rawCpu:F1} ms CPU (this process{(settings.Provider == DatabaseProvider.Sqlite ? ", the SQLite engine included" : "")})"));
        Console.WriteLine($"           the same rows sent as plain SQL on one open connection: the organisation, {rows:N0} rows of members, assessments, months paid as runs (the payments' derived row per member) and the month's payments");

        Stats? httpStats = null;
        if (api is not null)
        {
            var url = $"/api/v1/dues/sheet?orgId={orgId}&month={month}";
            var bytes = 0;
            httpStats = await TimeAsync(iterations, warmUp, async () =>
            {
                using var request = api.Request(HttpMethod.Get, url);
                using var response = await api.Http.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
                }

                bytes = body.Length;
            });
            Console.WriteLine($"  HTTP     {httpStats}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"           GET {url} in-process (TestServer, bearer token, JSON {bytes / 1024.0:N0} KiB read whole)"));
        }

        return new Figures(name, t.Members, useCase, useCaseCpu, raw, rawCpu, httpStats);
    }

    /// <summary>What the sheet reads, as plain SQL: the organisation, the members of its subtree on the registry (in
    /// name order), their assessments, the months they paid merged into runs (the use case's own query) and the payments
    /// covering the month; every value of every row read.</summary>
    private static async Task<int> ReadRawAsync(DbConnection connection, string orgId, string path, string month)
    {
        var upper = Organisation.SubtreeUpperBound(path);
        const string subtree = "m.\"OrgPath\" >= @p AND m.\"OrgPath\" < @u";
        var rows = 0;
        foreach (var sql in new[]
                 {
                     "SELECT * FROM orgs WHERE \"Id\" = @o",
                     $"SELECT m.* FROM members m WHERE {subtree} AND (m.\"Status\" IN ('ProbationaryMember', 'FullMember') OR m.\"LeftDate\" IS NOT NULL) ORDER BY m.\"Name\", m.\"Id\"",
                     $"SELECT a.* FROM dues_assessments a JOIN members m ON m.\"Id\" = a.\"MemberId\" WHERE {subtree}",
                     $"SELECT r.* FROM dues_paid_months r JOIN members m ON m.\"Id\" = r.\"MemberId\" WHERE {subtree}",
                     $"SELECT d.* FROM dues_payments d JOIN members m ON m.\"Id\" = d.\"MemberId\" WHERE {subtree} AND d.\"CoversFrom\" <= @m AND d.\"CoversTo\" >= @m",
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (n, v) in new[] { ("@o", orgId), ("@p", path), ("@u", upper), ("@m", month) })
            {
                var p = command.CreateParameter();
                p.ParameterName = n;
                p.Value = v;
                command.Parameters.Add(p);
            }

            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }

        return rows;
    }

    /// <summary>As <see cref="TimeAsync"/>, with the CPU time of this process per call (warm-up included), which the
    /// other work on a shared machine does not inflate as it does the elapsed time.</summary>
    internal static async Task<(Stats Stats, double CpuMsPerCall)> TimeWithCpuAsync(int iterations, int warmUp, Func<Task> call)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stats = await TimeAsync(iterations, warmUp, call);
        return (stats, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / (iterations + warmUp));
    }

    internal static async Task<Stats> TimeAsync(int iterations, int warmUp, Func<Task> call)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await call();
        }

        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        return Stats.Of(times);
    }

    private static async Task LoadAsync(DatabaseSettings settings, DuesData data)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync();
            foreach (var table in data.Tables)
            {
                await GenerateBench.LoadSqliteAsync(connection, table);
            }

            await using var analyze = connection.CreateCommand();
            analyze.CommandText = DuesPaidMonths.BackfillSql(sqlite: true) + ";\nANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            foreach (var table in data.Tables)
            {
                await GenerateBench.LoadPostgresAsync(connection, table);
            }

            await using var backfill = new NpgsqlCommand(DuesPaidMonths.BackfillSql(sqlite: false), connection);
            await backfill.ExecuteNonQueryAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: dues: " + message);
        return 2;
    }

    /// <summary>The committee's record, deterministic from the seed (<see cref="Random"/> only; no Guid, no clock).</summary>
    private sealed class DuesData
    {
        private readonly Random rng;
        private readonly HashSet<string> idNumbers = [];
        private readonly Dictionary<string, int> receipts = [];
        private long idCounter;

        private DuesData(int seed) => rng = new Random(seed);

        public TableRows Orgs { get; } = new("orgs",
            ("Id", ColumnKind.Text), ("Name", ColumnKind.Text), ("Type", ColumnKind.Text), ("Level", ColumnKind.Text),
            ("ParentId", ColumnKind.Text), ("Path", ColumnKind.Text), ("Depth", ColumnKind.Int), ("HasCommittee", ColumnKind.Bool),
            ("HasAdmissionApprovalAuthority", ColumnKind.Bool), ("IsUnderTownshipOrSubdistrict", ColumnKind.Bool),
            ("MeetsDevelopmentConditions", ColumnKind.Bool), ("CreatedAt", ColumnKind.Timestamp));

        public TableRows People { get; } = new("people",
            ("Id", ColumnKind.Text), ("Name", ColumnKind.Text), ("IdNumber", ColumnKind.Text), ("BirthDate", ColumnKind.Date),
            ("Gender", ColumnKind.Text), ("Ethnicity", ColumnKind.Text), ("UnitName", ColumnKind.Text), ("UnitHasPartyOrg", ColumnKind.Bool),
            ("IsMobile", ColumnKind.Bool), ("OrgId", ColumnKind.Text), ("OrgPath", ColumnKind.Text), ("CreatedAt", ColumnKind.Timestamp));

        public TableRows Members { get; } = new("members",
            ("Id", ColumnKind.Text), ("PersonId", ColumnKind.Text), ("OrgId", ColumnKind.Text), ("OrgPath", ColumnKind.Text),
            ("Status", ColumnKind.Text), ("ProbationStartDate", ColumnKind.Date), ("PartyAgeStartDate", ColumnKind.Date),
            ("CreatedAt", ColumnKind.Timestamp), ("Name", ColumnKind.Text));

        public TableRows Assessments { get; } = new("dues_assessments",
            ("Id", ColumnKind.Text), ("MemberId", ColumnKind.Text), ("OrgId", ColumnKind.Text), ("OrgPath", ColumnKind.Text),
            ("FromMonth", ColumnKind.Text), ("Category", ColumnKind.Text), ("Base", ColumnKind.Decimal), ("Rate", ColumnKind.Decimal),
            ("StandardAmount", ColumnKind.Decimal), ("MonthlyAmount", ColumnKind.Decimal), ("ReliefKind", ColumnKind.Text),
            ("ReliefBranchDecisionDate", ColumnKind.Date), ("ReliefApprovedByOrgId", ColumnKind.Text), ("ReliefApprovalDate", ColumnKind.Date),
            ("RecordedAt", ColumnKind.Timestamp), ("RecordedBy", ColumnKind.Text));

        public TableRows Payments { get; } = new("dues_payments",
            ("Id", ColumnKind.Text), ("Receipt", ColumnKind.Text), ("ReceiptYear", ColumnKind.Int), ("ReceiptNo", ColumnKind.Int),
            ("MemberId", ColumnKind.Text), ("MemberName", ColumnKind.Text), ("OrgId", ColumnKind.Text), ("OrgPath", ColumnKind.Text),
            ("PaidDate", ColumnKind.Date), ("CoversFrom", ColumnKind.Text), ("CoversTo", ColumnKind.Text), ("Amount", ColumnKind.Decimal),
            ("DueAmount", ColumnKind.Decimal), ("VoluntaryExtra", ColumnKind.Decimal), ("PaidBy", ColumnKind.Text), ("Method", ColumnKind.Text),
            ("Note", ColumnKind.Text), ("ReversesPaymentId", ColumnKind.Text), ("RecordedAt", ColumnKind.Timestamp), ("RecordedBy", ColumnKind.Text));

        /// <summary>In load order (foreign keys: orgs, people, members, then the dues).</summary>
        public IReadOnlyList<TableRows> Tables => [Orgs, People, Members, Assessments, Payments];

        public (string Id, string Name, string Path) Committee { get; private set; }

        public List<(string Id, string Name, string Path)> Branches { get; } = [];

        public Dictionary<DuesCategory, int> Categories { get; } = [];

        public int Probationary { get; private set; }

        public int Reversals { get; private set; }

        public static DuesData Build(int members, int branches, int seed)
        {
            var d = new DuesData(seed);
            d.BuildOrgs(branches);
            for (var i = 0; i < members; i++)
            {
                d.BuildMember(d.Branches[i % d.Branches.Count]);
            }

            d.NumberReceipts();
            return d;
        }

        private DateTimeOffset NextCreatedAt() => CreatedBase.AddMilliseconds(idCounter);

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

        private (string Id, string Path) Org(string name, OrgType type, string level, string? parentId, string parentPath, int depth, bool committee)
        {
            var createdAt = NextCreatedAt();
            var id = NewId();
            var path = parentPath + id + "/";
            Orgs.Add(id, name, type.ToString(), level, parentId, path, depth, committee, type != OrgType.Branch, false, false, createdAt);
            return (id, path);
        }

        /// <summary>A county committee above the primary committee, so that the committee's subtree is a range of paths
        /// and not the whole table; the branches directly under the committee.</summary>
        private void BuildOrgs(int branches)
        {
            var county = Org("中共杭州市西湖区委员会", OrgType.CountyCommittee, "County", null, "/", 0, true);
            const string unit = "杭州华兴建设集团有限公司";
            var committee = Org($"中共{unit}委员会", OrgType.PrimaryCommittee, "Primary", county.Id, county.Path, 1, true);
            Committee = (committee.Id, $"中共{unit}委员会", committee.Path);
            for (var b = 0; b < branches; b++)
            {
                var name = $"中共{unit}第{b + 1}支部委员会";
                var branch = Org(name, OrgType.Branch, "Branch", committee.Id, committee.Path, 2, rng.Next(10) < 7);
                Branches.Add((branch.Id, name, branch.Path));
            }
        }

        private void BuildMember((string Id, string Name, string Path) branch)
        {
            DateOnly birth;
            string idNumber;
            do
            {
                birth = new DateOnly(1940, 1, 1).AddDays(rng.Next(new DateOnly(2004, 12, 31).DayNumber - new DateOnly(1940, 1, 1).DayNumber));
                var first17 = "330106" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + rng.Next(1000).ToString("000", CultureInfo.InvariantCulture);
                idNumber = first17 + IdNumber.ComputeCheckDigit(first17);
            }
            while (!idNumbers.Add(idNumber));

            var name = Surnames[rng.Next(Surnames.Length)] + Given[rng.Next(Given.Length)] + (rng.Next(10) < 7 ? Given[rng.Next(Given.Length)].ToString() : "");
            var personId = NewId();
            People.Add(personId, name, idNumber, birth, idNumber[16] % 2 == 1 ? "Male" : "Female", "汉族", "杭州华兴建设集团有限公司", true, false,
                branch.Id, branch.Path, NextCreatedAt());

            // ≈7% probationary, admitted in the last year (some this year, whose dues start that month, D-08); the others
            // full members admitted from the age of 19 (at the earliest 1970) to mid-2025.
            var probationary = rng.Next(100) < 7;
            DateOnly probationStart;
            DateOnly? partyAge = null;
            if (probationary)
            {
                probationStart = new DateOnly(2025, 11, 20).AddDays(rng.Next(340));
                Probationary++;
            }
            else
            {
                var earliest = new DateOnly(Math.Max(1970, birth.Year + 19), 1, 1);
                var latest = new DateOnly(2025, 6, 30);
                earliest = earliest > latest ? latest.AddDays(-365) : earliest;
                probationStart = earliest.AddDays(rng.Next(latest.DayNumber - earliest.DayNumber + 1));
                partyAge = probationStart.AddYears(1);
            }

            var memberId = NewId();
            Members.Add(memberId, personId, branch.Id, branch.Path, probationary ? "ProbationaryMember" : "FullMember", probationStart, partyAge,
                NextCreatedAt(), name);

            var first = DuesMonth.Of(probationStart) > YearStart ? DuesMonth.Of(probationStart) : YearStart;
            var retired = birth.Year < 1966;
            var assessments = Assess(memberId, branch, first, retired);
            Pay(memberId, name, branch, first, assessments);
        }

        /// <summary>The member's assessments: from <paramref name="first"/>, and for one in ten with a base a new one from July.</summary>
        private List<(DuesMonth From, decimal Monthly)> Assess(string memberId, (string Id, string Name, string Path) branch, DuesMonth first, bool retired)
        {
            var p = rng.Next(100);
            var category = retired ? p < 95 ? DuesCategory.Retired : DuesCategory.Farmer
                : p < 72 ? DuesCategory.Salaried : p < 76 ? DuesCategory.AnnualSalary : p < 84 ? DuesCategory.SelfEmployed
                : p < 92 ? DuesCategory.Farmer : p < 95 ? DuesCategory.Student : p < 97 ? DuesCategory.Unemployed
                : p < 99 ? DuesCategory.Dibao : DuesCategory.OnRelief;
            Categories[category] = Categories.GetValueOrDefault(category) + 1;
            decimal? Base() => category switch
            {
                // Across the bands of D-02 (≤ 3000, ≤ 5000, ≤ 10000, above) and of D-05 (≤ 5000, above), to the 元.
                DuesCategory.Salaried or DuesCategory.AnnualSalary or DuesCategory.SelfEmployed => rng.Next(100) switch
                {
                    < 15 => 2000 + rng.Next(1001),
                    < 50 => 3001 + rng.Next(2000),
                    < 85 => 5001 + rng.Next(5000),
                    _ => 10001 + rng.Next(20000),
                },
                DuesCategory.Retired => rng.Next(100) < 70 ? 2500 + rng.Next(2501) : 5001 + rng.Next(4000),
                _ => null,
            };
            decimal? amount = category == DuesCategory.Farmer ? 0.20m + (rng.Next(5) * 0.20m) : null;
            // 免交 for one in a hundred (D-07), decided by the branch and approved by the committee.
            var relief = rng.Next(100) == 0
                ? new DuesRelief(DuesReliefKind.Exemption, null, new DateOnly(2025, 12, 15), Committee.Id, new DateOnly(2025, 12, 22))
                : null;
            var result = new List<(DuesMonth, decimal)>();
            var b = Base();
            Add(first, b, relief);
            if (b is not null && relief is null && first < new DuesMonth(2026, 7) && rng.Next(10) == 0)
            {
                Add(new DuesMonth(2026, 7), b + 200 + rng.Next(1500), null);
            }

            return result;

            void Add(DuesMonth from, decimal? @base, DuesRelief? r)
            {
                var (a, errors, refusals) = DuesRules.Assess(from, category, @base, amount, r, reliefApprovedAbove: true);
                if (a is null)
                {
                    throw new InvalidOperationException($"assessment refused: {string.Join("; ", errors.Select(e => e.Message).Concat(refusals.Select(x => x.Message)))}");
                }

                Assessments.Add(NewId(), memberId, branch.Id, branch.Path, from.ToString(), category.ToString(), a.Base, a.Rate, a.StandardAmount,
                    a.MonthlyAmount, r?.Kind.ToString(), r?.BranchDecisionDate, r?.ApprovedByOrgId, r?.ApprovalDate,
                    new DateTimeOffset(from.FirstDay.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero), "system");
                result.Add((from, a.MonthlyAmount));
            }
        }

        /// <summary>
        /// The year's payments at the branch: most members monthly (one in 25 of those months forgotten), about one in
        /// eight quarterly at the start of each quarter, about one in twelve stopping between March and October (arrears
        /// to November, some six months and more in a row); one monthly payment in 200 reversed the next day and paid again.
        /// </summary>
        private void Pay(string memberId, string name, (string Id, string Name, string Path) branch, DuesMonth first,
            List<(DuesMonth From, decimal Monthly)> assessments)
        {
            decimal Due(DuesMonth m) => assessments.Last(a => a.From <= m).Monthly;
            if (assessments.All(a => a.Monthly == 0m))
            {
                return; // 免交: nothing to pay
            }

            var p = rng.Next(100);
            if (p < 12)
            {
                for (var q = first; q <= Last;)
                {
                    var quarterEnd = new DuesMonth(q.Year, ((q.Month - 1) / 3 * 3) + 3);
                    Payment(q, quarterEnd, DuesMonth.Range(q, quarterEnd).Sum(Due), q.FirstDay.AddDays(rng.Next(20)));
                    q = quarterEnd.AddMonths(1);
                }

                return;
            }

            var stop = p < 20 ? new DuesMonth(2026, 3 + rng.Next(8)) : Last.AddMonths(1);
            foreach (var m in DuesMonth.Range(first, Last))
            {
                if (m >= stop || rng.Next(25) == 0)
                {
                    continue;
                }

                var paid = m.FirstDay.AddDays(4 + rng.Next(20));
                var id = Payment(m, m, Due(m), paid);
                if (rng.Next(200) == 0)
                {
                    Reversals++;
                    Payment(m, m, -Due(m), paid.AddDays(1), reverses: id, note: "冲正：金额记错");
                    Payment(m, m, Due(m), paid.AddDays(1));
                }
            }

            string Payment(DuesMonth from, DuesMonth to, decimal amount, DateOnly paidDate, string? reverses = null, string? note = null)
            {
                var id = NewId();
                Payments.Add(id, null, paidDate.Year, 0, memberId, name, branch.Id, branch.Path, paidDate, from.ToString(), to.ToString(),
                    amount, amount, 0m, "Self", rng.Next(10) < 6 ? "Online" : "Cash", note, reverses,
                    new DateTimeOffset(paidDate.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero).AddSeconds(idCounter), "system");
                return id;
            }
        }

        /// <summary>收据号 per collecting branch and year in the order of the payments' dates ("2026-0001").</summary>
        private void NumberReceipts()
        {
            foreach (var row in Payments.Rows.OrderBy(r => (string)r[6]!, StringComparer.Ordinal).ThenBy(r => (DateOnly)r[8]!)
                         .ThenBy(r => (DateTimeOffset)r[18]!))
            {
                var key = (string)row[6]! + "/" + ((int)row[2]!).ToString(CultureInfo.InvariantCulture);
                var no = receipts[key] = receipts.GetValueOrDefault(key) + 1;
                row[3] = no;
                row[1] = string.Create(CultureInfo.InvariantCulture, $"{(int)row[2]!:D4}-{no:D4}");
            }
        }
    }
}
