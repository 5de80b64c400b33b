namespace Qdc.Tests.Partitioning;

/// <summary>The shared read-only material beside the repository (../shared from the folder holding qdc.sln).</summary>
internal static class SharedFiles
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "qdc.sln")))
            {
                dir = dir.Parent;
            }
            return dir is null ? throw new DirectoryNotFoundException("no qdc.sln above the test binaries") : Path.Combine(dir.FullName, "..", "shared");
        }
    }

    public static string Hypergraphs => Path.Combine(Root, "reference", "hypergraphs");
}
