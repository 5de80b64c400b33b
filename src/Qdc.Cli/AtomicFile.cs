using System.Text;

namespace Qdc.Cli;

/// <summary>Writes a file whole or not at all: a temporary file beside it, then a rename.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string contents)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp" + Environment.ProcessId);
        File.WriteAllText(temp, contents, new UTF8Encoding(false));
        File.Move(temp, full, overwrite: true);
    }
}
