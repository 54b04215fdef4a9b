using System.Globalization;

namespace Jishi.Bench;

/// <summary>
/// Benchmarks of Jishi that print figures (never timed assertions in tests). Usage:
/// <c>dotnet run -c Release --project bench/Jishi.Bench -- case-page [--provider Sqlite|Postgres] [--connection &lt;admin&gt;] [--iterations 200] [--warmup 20] [--queries]</c>.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage();
            return args.Length == 0 ? 2 : 0;
        }

        // WebApplicationFactory finds the application's content root through MvcTestingAppManifest.json in the
        // current directory (as under a test runner): run from the output directory, wherever `dotnet run` started.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var command = args[0];
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"unexpected argument '{a}'");
            }

            if (a is "--queries" or "--reuse" or "--no-http")
            {
                flags.Add(a[2..]);
            }
            else if (i + 1 < args.Length)
            {
                options[a[2..]] = args[++i];
            }
            else
            {
                return Fail($"option '{a}' needs a value");
            }
        }

        switch (command)
        {
            case "case-page":
                if (Engine(options, out var provider, out var connection) is { } engineError)
                {
                    return Fail(engineError);
                }

                var iterations = int.Parse(options.GetValueOrDefault("iterations", "200"), CultureInfo.InvariantCulture);
                if (iterations < 1)
                {
                    return Fail("--iterations must be at least 1");
                }

                var warmUp = int.Parse(options.GetValueOrDefault("warmup", "20"), CultureInfo.InvariantCulture);
                if (warmUp < 0)
                {
                    return Fail("--warmup must not be negative");
                }

                await CasePageBench.RunAsync(provider, connection, iterations, warmUp, flags.Contains("queries"));
                return 0;
            case "generate":
                return await GenerateCommand.RunAsync(options);
            case "province":
                return await ProvinceCommand.RunAsync(options, flags);
            case "dues":
                return await DuesBench.RunAsync(options, flags);
            case "org-life":
                return await OrgLifeBench.RunAsync(options);
            default:
                return Fail($"unknown command '{command}'");
        }
    }

    /// <summary>The engine options every command shares: <c>--provider Sqlite|Postgres</c> and, for PostgreSQL,
    /// <c>--connection</c> (an administrator connection string). Returns what is wrong, or null.</summary>
    public static string? Engine(IReadOnlyDictionary<string, string> options, out string provider, out string? connection)
    {
        provider = options.GetValueOrDefault("provider", "Sqlite");
        connection = options.GetValueOrDefault("connection");
        return provider is not ("Sqlite" or "Postgres") ? "--provider is Sqlite or Postgres"
            : provider == "Postgres" && string.IsNullOrWhiteSpace(connection) ? "--provider Postgres needs --connection <administrator connection string>"
            : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        PrintUsage();
        return 2;
    }

    private static void PrintUsage() => Console.Error.WriteLine(
        """
        usage: Jishi.Bench case-page [--provider Sqlite|Postgres] [--connection <admin connection string>] [--iterations 200] [--warmup 20] [--queries]

          case-page   hosts the app in-process on a fresh database, records a development case with 40 events through
                      the API, logs in through the login form and times GET /cases/{id} (server-rendered page) and
                      GET /api/v1/cases/{id} (JSON). --queries also lists the SQL commands of one page request.

               Jishi.Bench generate --members 100000 [--provider Sqlite|Postgres] [--connection <admin connection string>] [--seed 1] [--output <dir>]

          generate    builds a deterministic province-sized record and loads it through the engine's fast path
                      (SQLite prepared INSERTs, PostgreSQL binary COPY); prints rows/s per table and the size on disk.
                      --members defaults to 1000000.

               Jishi.Bench province [--members 1000000] [--provider Sqlite|Postgres] [--connection <admin connection string>] [--seed 1]
                      [--events 4000] [--workers 4] [--iterations 20] [--connections 50] [--seconds 20] [--server <Jishi.Web.dll>]
                      [--reuse] [--no-http]

          province    generates and loads a province (as generate; --reuse takes the one generated before), then prints:
                      steps recorded through RecordCaseEvent by concurrent workers against a raw INSERT of the same rows,
                      alerts (province, county, branch) and a county's filtered case list against the same SQL raw, and
                      wrk at 50 connections against the real server (GET case, POST event) with its resident memory.

               Jishi.Bench dues [--members 5000] [--branches 50] [--provider Sqlite|Postgres] [--connection <admin connection string>] [--seed 1]
                      [--iterations 50] [--warmup 5] [--no-http]

          dues        hosts the app in-process on a fresh database, loads a primary-level committee (branches, members, a year
                      of dues assessments and payments) in bulk, then times GetDuesSheet for the committee and one branch for
                      November 2026 against the same rows read raw, and GET /api/v1/dues/sheet in-process (--no-http skips it).

               Jishi.Bench org-life [--branches 50] [--members 20] [--provider Sqlite|Postgres] [--connection <admin connection string>]
                      [--iterations 50] [--warmup 5]

          org-life    hosts the app in-process on a fresh database, creates a committee's branches and members and last year's
                      meetings of every branch through the API, then times GetOrgLifeSummary, the committee's /org-life page
                      (cookie login), one branch's page and GET /api/v1/orgs/{branch}/org-life.
        """);
}
