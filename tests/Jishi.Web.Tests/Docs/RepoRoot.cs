using System.Runtime.CompilerServices;

namespace Jishi.Web.Tests.Docs;

/// <summary>The repository root (the folder with Jishi.slnx), for artifacts written by the tests.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(source)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Jishi.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Jishi.slnx not found");
    }
}
