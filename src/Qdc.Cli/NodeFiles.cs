using Qdc.Compiler.Emission;

namespace Qdc.Cli;

/// <summary>DIR/nodes/: writing the emitted programs, and clearing out node programs qdc wrote for QPUs that are gone.</summary>
internal static class NodeFiles
{
    public const string Folder = "nodes";

    public static void Write(string folder, IReadOnlyList<NodeProgram> nodes)
    {
        Directory.CreateDirectory(folder);
        var keep = new HashSet<string>(nodes.Select(n => n.FileName), StringComparer.Ordinal);
        // Only files that carry qdc's marker go: a user's own files in the folder stay.
        foreach (string path in Directory.EnumerateFiles(folder, "*.qasm").Order(StringComparer.Ordinal))
        {
            if (!keep.Contains(Path.GetFileName(path)) && NodeJoiner.IsQdcNodeProgram(File.ReadAllText(path)))
            {
                File.Delete(path);
            }
        }
        foreach (var node in nodes)
        {
            AtomicFile.Write(Path.Combine(folder, node.FileName), node.Text);
        }
    }
}
