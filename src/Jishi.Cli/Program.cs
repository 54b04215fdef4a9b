using Jishi.App;
using Jishi.App.Accounts;
using Jishi.App.Calendar;
using Jishi.App.Data;
using Jishi.App.Demo;
using Jishi.Domain.Accounts;
using Jishi.Domain.Rules;
using Microsoft.Extensions.Configuration;

namespace Jishi.Cli;

/// <summary>
/// <c>jishi</c>: administration on the same use cases as the web app. Settings as for the web app: environment
/// (<c>Jishi__DataDirectory</c>, <c>Jishi__Database__Provider</c>, <c>ConnectionStrings__Jishi</c>) or options
/// (<c>--data-dir</c>, <c>--provider</c>, <c>--connection</c>).
/// </summary>
public static class Program
{
    private const string Usage = """
        用法：jishi <命令> [参数] [--data-dir 目录] [--provider Sqlite|Postgres] [--connection 连接串]

          db migrate                                  创建或升级数据库（应用迁移）
          calendar import <文件.json>                 导入新发布年份的节假日安排（{year, days:[{name, date, isOffDay}]}）
          calendar years                              列出已载入的年份及其工作日数
          users create <用户名> --role Admin|Manager|Viewer [--org 组织id] [--name 显示名称] [--password 密码]
          users set-password <用户名> <密码>          设置（重置）密码
          tokens create <用户名>                      签发接口令牌（只显示一次）
          seed demo                                   载入演示数据（数据库中尚无组织时）
          archive verify <电子档案.zip>               脱机核验导出的电子档案：哈希链、材料和表格的摘要，指出第一处不符
        """;

    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await Run(args, Console.Out);
        }
        catch (InvalidInputException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine($"输入有误：{error.Field}：{error.Message}");
            }

            return 2;
        }
        catch (RuleViolationException e)
        {
            foreach (var r in e.Refusals)
            {
                Console.Error.WriteLine($"不符合规定（{r.Rule}，{r.Article}）：{r.Message}");
            }

            return 3;
        }
        catch (Exception e) when (e is NotFoundException or ConflictException or ForbiddenException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var (words, options) = Parse(args);
        if (words.Count < 2 || options.ContainsKey("help"))
        {
            output.WriteLine(Usage);
            return words.Count == 0 || options.ContainsKey("help") ? 0 : 2;
        }

        if (words is ["archive", "verify", ..])
        {
            return VerifyArchive(words.Count > 2 ? words[2] : null, output);
        }

        var settings = Settings(options);
        var time = TimeProvider.System;
        await using var db = JishiDatabase.Open(settings, Caller.System);
        var calendar = new OfficialCalendar();

        switch (words[0], words[1])
        {
            case ("db", "migrate"):
                await JishiDatabase.MigrateAsync(db);
                await calendar.InitialiseAsync(db, time);
                output.WriteLine($"数据库已是最新：{settings.Describe()}");
                return 0;

            case ("calendar", "import") when words.Count == 3:
                await JishiDatabase.MigrateAsync(db);
                await calendar.InitialiseAsync(db, time);
                var json = await File.ReadAllTextAsync(words[2]);
                var year = await new ImportCalendarYear(db, calendar, time).Handle(json, $"文件导入：{Path.GetFileName(words[2])}");
                output.WriteLine($"已导入 {year.Year} 年：{year.Days.Count} 个调整日，全年工作日 " +
                    calendar.Current.CountWorkingDays(new DateOnly(year.Year, 1, 1), new DateOnly(year.Year, 12, 31)) + " 天");
                return 0;

            case ("calendar", "years"):
                await calendar.InitialiseAsync(db, time);
                foreach (var y in calendar.Current.LoadedYears.Order())
                {
                    output.WriteLine($"{y}\t{calendar.Current.CountWorkingDays(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31))}");
                }

                return 0;

            case ("users", "create") when words.Count == 3:
                if (!Enum.TryParse<Role>(options.GetValueOrDefault("role"), out var role))
                {
                    throw new InvalidInputException("role", "必须指定 --role Admin、Manager 或 Viewer");
                }

                var user = await new CreateUser(db, time).Handle(new NewUser(words[2],
                    options.GetValueOrDefault("name") ?? words[2], options.GetValueOrDefault("org"), role,
                    options.GetValueOrDefault("password")));
                output.WriteLine($"已创建用户 {user.UserName}（{user.Role}），id {user.Id}");
                return 0;

            case ("users", "set-password") when words.Count == 4:
                await new SetPassword(db).Handle(words[2], words[3]);
                output.WriteLine($"已设置 {words[2]} 的密码");
                return 0;

            case ("tokens", "create") when words.Count == 3:
                var userId = db.Users.Where(u => u.UserName == words[2]).Select(u => u.Id).FirstOrDefault()
                    ?? throw new NotFoundException("用户", words[2]);
                var issued = await new CreateToken(db, time).Handle(userId, "命令行签发");
                output.WriteLine(issued.Token);
                return 0;

            case ("seed", "demo"):
                await JishiDatabase.MigrateAsync(db);
                await calendar.InitialiseAsync(db, time);
                var login = await new SeedDemo(db, time).Handle();
                if (login is not null)
                {
                    await new SeedDemoCases(db, time, calendar).Handle();
                    await new SeedDemoTransfers(db, time, calendar).Handle();
                    await new SeedDemoMobility(db, time).Handle();
                    await new SeedDemoDues(db, time).Handle();
                    await new SeedDemoMeetings(db, time).Handle();
                    await new SeedDemoPartySpirit(db, time).Handle();
                    await new SeedDemoAppraisals(db, time).Handle();
                    await new SeedDemoDisposals(db, time).Handle();
                }

                output.WriteLine(login is null
                    ? "数据库中已有组织，未载入演示数据"
                    : $"已载入演示数据；账户 {string.Join("、", login.Users.Select(u => u.UserName))}，密码 {login.Password}");
                return 0;

            default:
                output.WriteLine(Usage);
                return 2;
        }
    }

    private static DatabaseSettings Settings(Dictionary<string, string> options)
    {
        var overrides = new Dictionary<string, string?>();
        if (options.TryGetValue("data-dir", out var dir))
        {
            overrides["Jishi:DataDirectory"] = dir;
        }

        if (options.TryGetValue("provider", out var provider))
        {
            overrides["Jishi:Database:Provider"] = provider;
        }

        if (options.TryGetValue("connection", out var connection))
        {
            overrides["ConnectionStrings:Jishi"] = connection;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        return DatabaseSettings.FromConfiguration(configuration);
    }

    private static (List<string> Words, Dictionary<string, string> Options) Parse(string[] args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                options["help"] = "";
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                if (i + 1 >= args.Length)
                {
                    throw new InvalidInputException(name, $"选项 --{name} 缺少取值");
                }

                options[name] = args[++i];
            }
            else
            {
                words.Add(args[i]);
            }
        }

        return (words, options);
    }

    /// <summary><c>archive verify</c>: needs no database, only the zip. Exit 0 when it verifies, 4 when it does not.</summary>
    private static int VerifyArchive(string? path, TextWriter output)
    {
        if (path is null)
        {
            throw new InvalidInputException("zip", "请给出要核验的电子档案（.zip）");
        }

        if (!File.Exists(path))
        {
            throw new InvalidInputException("zip", $"文件不存在：{path}");
        }

        using var zip = File.OpenRead(path);
        var result = Jishi.App.Documents.ArchiveVerifier.Verify(zip);
        if (result.Case is { } c)
        {
            output.WriteLine($"个案 {c.Id}（{c.PersonName}，{c.OrgName}）");
            output.WriteLine($"链头哈希 {c.HeadHash}");
            output.WriteLine($"核验码   {c.VerificationCode}");
        }

        if (result.Valid)
        {
            output.WriteLine($"核验通过：{result.Events} 条纪实记录的哈希链完整，{result.Files} 个文件的 SHA-256 与清单一致。");
            output.WriteLine("请将链头哈希或核验码与系统中的个案（完整性核验）或打印的全程纪实报告核对。");
            return 0;
        }

        output.WriteLine($"核验未通过：{result.FirstMismatch}");
        return 4;
    }
}
