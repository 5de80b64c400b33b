using System.Text;

namespace Qdc.Cli.Output;

/// <summary>
/// Commits an <see cref="OutputSet"/> into a directory that may hold other people's files.
/// Every file is first written in full under a temporary name beside its target; only when all
/// are written are they renamed over the targets (each rename atomic), the manifest last. A
/// failure while writing deletes the temporaries and leaves the previous output as it was.
/// The manifest (<see cref="ManifestName"/>) lists qdc's own files, so the next run removes
/// the ones it no longer writes (a node of a QPU that is gone) and touches nothing else.
/// </summary>
internal static class OutputWriter
{
    public const string ManifestName = ".qdc-manifest";

    private const string ManifestHeader = "# files written by qdc; the next run into this directory replaces or removes exactly these";

    /// <param name="beforeWrite">Called with each target path before its temporary file is written; tests inject failures here.</param>
    public static void Commit(string directory, OutputSet files, Action<string>? beforeWrite = null)
    {
        string root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var previous = ReadManifest(root);
        string suffix = ".qdc-tmp" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var staged = new List<(string Temp, string Target)>();
        var encoding = new UTF8Encoding(false);
        try
        {
            foreach (var (relative, contents) in files.Files.Append(new(ManifestName, Manifest(files))))
            {
                string target = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
                beforeWrite?.Invoke(target);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (Directory.Exists(target))
                {
                    throw new IOException($"{target} is a directory; qdc writes a file there");
                }
                string temp = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + suffix);
                staged.Add((temp, target));
                File.WriteAllText(temp, contents, encoding);
            }
        }
        catch
        {
            foreach (var (temp, _) in staged)
            {
                File.Delete(temp);
            }
            throw;
        }
        foreach (var (temp, target) in staged)
        {
            File.Move(temp, target, overwrite: true);
        }
        foreach (string stale in previous.Except(files.Paths, StringComparer.Ordinal))
        {
            RemoveStale(root, stale);
        }
    }

    /// <summary>The relative paths the last run recorded; none when there is no manifest (then nothing is removed).</summary>
    internal static IReadOnlyList<string> ReadManifest(string root)
    {
        string path = Path.Combine(root, ManifestName);
        if (!File.Exists(path))
        {
            return [];
        }
        return File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Where(l => !Path.IsPathRooted(l) && !l.Split('/').Any(p => p is "" or "." or ".."))
            .ToList();
    }

    private static string Manifest(OutputSet files)
    {
        var sb = new StringBuilder(ManifestHeader).Append('\n');
        foreach (string p in files.Paths)
        {
            sb.Append(p).Append('\n');
        }
        return sb.ToString();
    }

    private static void RemoveStale(string root, string relative)
    {
        string path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(path))
        {
            return;
        }
        File.Delete(path);
        // A folder qdc made (nodes/) goes too once it is empty, never one that still holds anything.
        for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > root.Length && Directory.Exists(dir)
             && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
        {
            Directory.Delete(dir);
        }
    }
}
