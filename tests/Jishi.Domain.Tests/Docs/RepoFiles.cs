using System.Runtime.CompilerServices;

namespace Jishi.Domain.Tests.Docs;

/// <summary>Finds the repository and the shared folder beside it (JISHI_SHARED_DIR overrides the latter).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Environment.GetEnvironmentVariable("JISHI_SHARED_DIR") is { Length: > 0 } s
        ? s
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>Whether generated documents should be rewritten instead of checked (JISHI_UPDATE_DOCS=1).</summary>
    public static bool UpdateDocs => Environment.GetEnvironmentVariable("JISHI_UPDATE_DOCS") == "1";

    private static string FindRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jishi.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Jishi.slnx not found above the test assembly or its sources");
    }

    /// <summary>Checks a generated document against what the code generates now, or rewrites it with JISHI_UPDATE_DOCS=1.</summary>
    public static void AssertGenerated(string relativePath, string expected)
    {
        var path = Path.Combine(Root, relativePath);
        if (UpdateDocs)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing: run JISHI_UPDATE_DOCS=1 ./test.sh");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(actual == expected, $"{relativePath} is out of date with the code: run JISHI_UPDATE_DOCS=1 ./test.sh and commit it");
    }
}
