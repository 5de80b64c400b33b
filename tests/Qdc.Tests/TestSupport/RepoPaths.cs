namespace Qdc.Tests.TestSupport;

/// <summary>The repository root (the folder holding qdc.sln) and ../shared beside it.</summary>
internal static class RepoPaths
{
    public static readonly string Root = Find();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Corpus => Path.Combine(Shared, "corpus");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "qdc.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (qdc.sln) above " + AppContext.BaseDirectory);
    }
}
