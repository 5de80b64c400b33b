namespace Qdc.Tests.Topology;

/// <summary>Finds files of the repository (examples/) from the test's output folder.</summary>
internal static class ExampleFiles
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(RepoRoot, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "qdc.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (qdc.sln) above " + AppContext.BaseDirectory);
    }
}
