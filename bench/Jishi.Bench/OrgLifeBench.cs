using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Jishi.App.OrgLife;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.Bench;

/// <summary>
/// <c>org-life</c>: the 组织生活 page of a primary-level committee with 50 branches and a year of meetings (#11's
/// figure: under 200 ms). The app is hosted in-process on a fresh database (<see cref="BenchHost"/>); the committee, its
/// branches (each with a committee) and their members are created through the API, and so is last year's organisational
/// life of every branch, through POST /api/v1/meetings and its rules: a 支委会 each month (a few missed), a 主题党日 each
/// month held with the 支部党员大会 in the first month of each quarter, a 党课 each quarter and the 组织生活会 with 民主评议 in
/// January; on each roster one member on leave. Then, one call after another after a warm-up: GetOrgLifeSummary for the
/// committee (the use case), GET /org-life of the committee (the page, cookie login), GET /org-life of one branch (its
/// matrix and meetings) and GET /api/v1/orgs/{branch}/org-life (JSON).
/// </summary>
public static class OrgLifeBench
{
    private const double TargetMs = 200;
    private const string Password = "bench-Passw0rd!";

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        if (BenchMain.Engine(options, out var provider, out var connection) is { } engineError)
        {
            Console.Error.WriteLine("error: " + engineError);
            return 2;
        }

        static bool Number(IReadOnlyDictionary<string, string> o, string name, int fallback, int min, out int value) =>
            int.TryParse(o.GetValueOrDefault(name, fallback.ToString(CultureInfo.InvariantCulture)), NumberStyles.Integer, CultureInfo.InvariantCulture,
                out value) && value >= min;
        if (!Number(options, "branches", 50, 1, out var branchCount) || !Number(options, "members", 20, 6, out var perBranch)
            || !Number(options, "iterations", 50, 1, out var iterations) || !Number(options, "warmup", 5, 0, out var warmUp))
        {
            Console.Error.WriteLine("error: --branches ≥ 1, --members ≥ 6 (per branch), --iterations ≥ 1 and --warmup ≥ 0 are whole numbers");
            return 2;
        }

        var year = DateTime.Today.Year - 1;
        Console.WriteLine($"Jishi.Bench org-life — the 组织生活 page of a committee with {branchCount} branches and the year {year} of meetings");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine    {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}"));
#if DEBUG
        const string configuration = "Debug (figures not representative: use -c Release)";
#else
        const string configuration = "Release";
#endif
        Console.WriteLine($"build      {configuration}; started {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}; load {ProvinceCommand.LoadAverage()} (/proc/loadavg)");
        Console.WriteLine($"provider   {provider}; {warmUp} warm-up calls, then {iterations} sequential calls each");

        using var host = new BenchHost(provider, connection);
        using var http = host.Client();
        var admin = new Api(http, host.BootstrapToken);
        _ = await admin.GetAsync("/api/v1/orgs?parentId=");
        Console.WriteLine($"host       started; data: {host.Where}");

        var clock = Stopwatch.StartNew();
        string Id(System.Text.Json.JsonElement e) => e.GetProperty("id").GetString()!;
        var county = Id(await admin.PostAsync("/api/v1/orgs", new { name = "基准县委", type = "CountyCommittee", hasAdmissionApprovalAuthority = true }));
        var committee = Id(await admin.PostAsync("/api/v1/orgs", new
        {
            name = "基准公司党委",
            type = "PrimaryCommittee",
            parentId = county,
            hasAdmissionApprovalAuthority = true,
            hasCommittee = true,
        }));
        var branches = new List<(string Id, List<string> Members)>();
        for (var b = 0; b < branchCount; b++)
        {
            var branch = Id(await admin.PostAsync("/api/v1/orgs", new
            {
                name = $"基准公司第{b + 1:00}党支部",
                type = "Branch",
                parentId = committee,
                hasCommittee = true,
            }));
            var members = new List<string>();
            for (var m = 0; m < perBranch; m++)
            {
                var person = Id(await admin.PostAsync("/api/v1/people", new { name = $"党员{b + 1:00}{m + 1:00}", idNumber = CaseJourney.UniqueIdNumber(), orgId = branch }));
                members.Add(Id(await admin.PostAsync("/api/v1/members", new
                {
                    personId = person,
                    orgId = branch,
                    status = "FullMember",
                    probationStartDate = "2009-07-01",
                    partyAgeStartDate = "2010-07-01",
                })));
            }

            branches.Add((branch, members));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"registry   {branchCount} branches, {branchCount * perBranch:N0} members created through the API in {clock.Elapsed.TotalSeconds:F1} s"));

        clock.Restart();
        var meetings = 0;
        for (var b = 0; b < branches.Count; b++)
        {
            var (branch, members) = branches[b];
            object[] Roster(bool committeeOnly) => [.. (committeeOnly ? members.Take(5) : members).Select((m, i) => i == 1
                ? (object)new { memberId = m, status = "Leave", reason = "外出学习" }
                : new { memberId = m, status = "Present" })];
            async Task Hold(DateOnly date, string type, string[] combines, bool committeeOnly)
            {
                await admin.PostAsync("/api/v1/meetings", new
                {
                    orgId = branch,
                    type,
                    date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    topics = new[] { "学习党章" },
                    combines,
                    attendance = Roster(committeeOnly),
                });
                meetings++;
            }

            await Hold(new DateOnly(year, 1, 15), "OrgLifeMeeting", ["DemocraticAppraisal"], false);
            for (var month = 1; month <= 12; month++)
            {
                if (!(b % 5 == 0 && month == b % 12 + 1))
                {
                    await Hold(new DateOnly(year, month, 5), "BranchCommitteeMeeting", [], true);
                }

                await Hold(new DateOnly(year, month, 10), month % 3 == 1 ? "BranchAssembly" : "ThemePartyDay", month % 3 == 1 ? ["ThemePartyDay"] : [], false);
                if (month % 3 == 2)
                {
                    await Hold(new DateOnly(year, month, 20), "PartyLecture", [], false);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"meetings   {meetings:N0} meetings with {meetings * perBranch:N0}-odd attendance lines recorded through POST /api/v1/meetings in {clock.Elapsed.TotalSeconds:F1} s ({clock.Elapsed.TotalMilliseconds / meetings:F1} ms each)"));

        await admin.PostAsync("/api/v1/users", new { userName = "bench-committee", displayName = "基准党委组织员", orgId = committee, role = "Manager", password = Password });
        using var browser = host.Client();
        await CasePageBench.LogInAsync(browser, "bench-committee", Password);
        await using var services = RecordBench.Services(host.Settings);

        var firstBranch = branches[0].Id;
        var committeePage = $"/org-life?orgId={committee}&year={year}";
        var html = await CasePageBench.GetPageAsync(browser, committeePage);
        var rows = html.Split("<th scope=\"row\"><a href=\"/org-life?orgId=", StringSplitOptions.None).Length - 1;
        if (rows != branchCount)
        {
            throw new InvalidOperationException($"the committee's page lists {rows} branches, not {branchCount}");
        }

        OrgLifeSummary? summary = null;
        var (useCase, useCaseCpu) = await DuesBench.TimeWithCpuAsync(iterations, warmUp, async () =>
        {
            await using var scope = RecordBench.SystemScope(services);
            summary = await scope.ServiceProvider.GetRequiredService<GetOrgLifeSummary>().Handle(committee, year);
        });
        var (page, pageCpu) = await DuesBench.TimeWithCpuAsync(iterations, warmUp, () => CasePageBench.GetPageAsync(browser, committeePage));
        var (branchPage, branchCpu) = await DuesBench.TimeWithCpuAsync(iterations, warmUp,
            () => CasePageBench.GetPageAsync(browser, $"/org-life?orgId={firstBranch}&year={year}"));
        var json = await DuesBench.TimeAsync(iterations, warmUp, () => admin.GetAsync($"/api/v1/orgs/{firstBranch}/org-life?year={year}"));

        var missed = summary!.Branches.Sum(b => b.Missed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary    {summary.Branches.Count} branches, {summary.Branches.Sum(b => b.Meetings):N0} meetings, {missed} missed periods; committee page {System.Text.Encoding.UTF8.GetByteCount(html) / 1024.0:N0} KiB of HTML"));
        Console.WriteLine();
        Console.WriteLine($"  {"figure",-52}{"p50",10}{"p95",10}{"p99",10}{"max",10}{"CPU/call",10}  target");
        void Row(string name, Stats s, double? cpu, string target) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-52}{s.P50,10:F2}{s.P95,10:F2}{s.P99,10:F2}{s.Max,10:F2}{(cpu is { } c ? c.ToString("F1", CultureInfo.InvariantCulture) : ""),10}  {target}"));
        Row("GetOrgLifeSummary (committee, use case, ms)", useCase, useCaseCpu, "");
        Row("GET /org-life committee (HTML, cookie, ms)", page, pageCpu, $"< {TargetMs:F0} ms");
        Row("GET /org-life one branch (HTML, cookie, ms)", branchPage, branchCpu, "");
        Row("GET /api/v1/orgs/{branch}/org-life (JSON, ms)", json, null, "");
        Console.WriteLine();
        Console.WriteLine($"load       {ProvinceCommand.LoadAverage()} (at the end)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"VERDICT ({provider}): the committee's 组织生活 page with {branchCount} branches p99 = {page.P99:F1} ms (target < {TargetMs:F0} ms) — {(page.P99 < TargetMs ? "met" : "NOT met")}"));
        return 0;
    }
}
