using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>
/// Every qdc command in the README's shell blocks runs as written and succeeds, so the README
/// cannot drift from the tool. Paths that exist in the repository are read from it; any other
/// path (an output folder) lands in a temporary folder. The packaging lines (dotnet pack, tool
/// install) are run by scripts/pack-and-smoke.sh in CI instead.
/// </summary>
public class ReadmeCommandTests
{
    private const string DotnetRun = "dotnet run --project src/Qdc.Cli -- ";

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (string command in ReadmeCommands())
        {
            data.Add(command);
        }
        return data;
    }

    [Fact]
    public void TheReadmeShowsCommandsToRun()
    {
        var commands = ReadmeCommands().ToList();
        Assert.Contains(commands, c => c.StartsWith("compile examples/qft16.qasm --topology examples/dc4.json", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("diff ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void RunsAsWritten(string command)
    {
        using var temp = new TempDirectory();
        // The CI recipe diffs against the output of the compile before it, and the Clifford recipe
        // compiles the proxy written before it: run those in order in one folder.
        foreach (string earlier in ReadmeCommands().TakeWhile(c => c != command).Where(c => c.StartsWith("compile ", StringComparison.Ordinal) || c.StartsWith("proxy ", StringComparison.Ordinal)))
        {
            Run(earlier, temp);
        }
        var (exit, _, err) = Run(command, temp);
        Assert.True(exit == 0, $"qdc {command}\nexit {exit}\n{err}");
    }

    private static (int Exit, string Out, string Err) Run(string command, TempDirectory temp)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Contains('/', StringComparison.Ordinal) || a.EndsWith(".qasm", StringComparison.Ordinal) || a.EndsWith(".json", StringComparison.Ordinal) || a == "out"
                ? Resolve(a, temp)
                : a)
            .ToList();
        if (args[0] == "compile" && !args.Contains("-o"))
        {
            // compile's default output folder is ./out: keep it out of the test's working directory.
            args.AddRange(["-o", temp["out"]]);
        }
        return CliHarness.Run([.. args]);
    }

    private static string Resolve(string path, TempDirectory temp)
    {
        string inRepo = Path.Combine(RepoPaths.Root, path);
        return File.Exists(inRepo) || Directory.Exists(inRepo) ? inRepo : temp[path];
    }

    /// <summary>The qdc command lines of the README's sh blocks, without the program name and comments.</summary>
    private static IEnumerable<string> ReadmeCommands()
    {
        bool inShell = false;
        foreach (string raw in File.ReadLines(Path.Combine(RepoPaths.Root, "README.md")))
        {
            string line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = line == "```sh";
                continue;
            }
            if (!inShell)
            {
                continue;
            }
            int hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash].TrimEnd();
            }
            if (line.StartsWith(DotnetRun, StringComparison.Ordinal))
            {
                yield return line[DotnetRun.Length..];
            }
            else if (line.StartsWith("qdc ", StringComparison.Ordinal))
            {
                yield return line["qdc ".Length..];
            }
        }
    }
}
