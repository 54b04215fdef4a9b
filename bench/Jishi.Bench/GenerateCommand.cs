using System.Globalization;

namespace Jishi.Bench;

/// <summary>The options of <c>generate</c>, checked as <c>case-page</c> checks its own.</summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        if (BenchMain.Engine(options, out var provider, out var connection) is { } engineError)
        {
            return Fail(engineError);
        }

        if (!int.TryParse(options.GetValueOrDefault("members", "1000000"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var members)
            || members < 20)
        {
            return Fail("--members must be a number of at least 20");
        }

        if (!int.TryParse(options.GetValueOrDefault("seed", "1"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            || seed < 0)
        {
            return Fail("--seed must be a non-negative number");
        }

        await GenerateBench.RunAsync(provider, connection, members, seed, options.GetValueOrDefault("output"));
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: generate: " + message);
        return 2;
    }
}
