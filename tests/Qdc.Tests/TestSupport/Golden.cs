using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Qdc.Tests.TestSupport;

/// <summary>
/// Golden-file checks: the expected text lives in tests/Qdc.Tests/Golden/&lt;name&gt;.verified.&lt;ext&gt;.
/// A mismatch writes &lt;name&gt;.received.&lt;ext&gt; beside it and fails with a line diff; with
/// QDC_ACCEPT=1 the verified file is overwritten instead and the check passes.
/// </summary>
public static class Golden
{
    public const string AcceptVariable = "QDC_ACCEPT";

    private const int Context = 3;

    public static void Verify(string name, string actual, string extension = "txt") =>
        Verify(DefaultDirectory(), name, actual, extension, Environment.GetEnvironmentVariable(AcceptVariable) == "1");

    /// <summary>The same check against any folder, so the helper's own tests can use a temporary one.</summary>
    internal static void Verify(string directory, string name, string actual, string extension, bool accept)
    {
        actual = Normalize(actual);
        string verified = Path.Combine(directory, $"{name}.verified.{extension}");
        string received = Path.Combine(directory, $"{name}.received.{extension}");
        Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        if (accept)
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }
        if (!File.Exists(verified))
        {
            File.WriteAllText(received, actual, new UTF8Encoding(false));
            Assert.Fail($"golden file {verified} does not exist; the output is in {received}. Run with {AcceptVariable}=1 to accept it.");
        }
        string expected = Normalize(File.ReadAllText(verified));
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail($"{name} differs from {verified} (received: {received}; {AcceptVariable}=1 accepts it)\n{UnifiedDiff(expected, actual)}");
    }

    /// <summary>Lines prefixed ' ', '-' (only in expected) or '+' (only in actual), with a few lines of context around each change.</summary>
    internal static string UnifiedDiff(string expected, string actual)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false).Lines;
        var keep = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (int j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    keep[j] = true;
                }
            }
        }
        var sb = new StringBuilder().Append("--- verified\n+++ received\n");
        for (int i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                continue;
            }
            if (i == 0 || !keep[i - 1])
            {
                sb.Append("@@ line ").Append(lines[i].Position ?? i + 1).Append(" @@\n");
            }
            char mark = lines[i].Type switch
            {
                ChangeType.Deleted => '-',
                ChangeType.Inserted => '+',
                _ => ' ',
            };
            sb.Append(mark).Append(lines[i].Text).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>tests/Qdc.Tests/Golden under the folder that holds qdc.sln, found by walking up from the test binaries.</summary>
    internal static string DefaultDirectory() => Path.Combine(RepoPaths.Root, "tests", "Qdc.Tests", "Golden");

    // Golden files are compared as \n text whatever the platform wrote.
    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal);
}
