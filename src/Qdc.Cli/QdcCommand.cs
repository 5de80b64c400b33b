using System.CommandLine;

namespace Qdc.Cli;

/// <summary>
/// The root <c>qdc</c> command. Each sub-command lives in Commands/ and is registered here; the
/// entry point is separate from Program so tests can run the CLI in-process.
/// </summary>
public static class QdcCommand
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show more detail, and the stack trace of an internal error.",
        Recursive = true,
    };

    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "qdc compiles one quantum circuit onto a quantum data center: it partitions the qubits "
            + "across QPUs, turns gates that span QPUs into operations that consume EPR pairs, "
            + "schedules them, writes one program per QPU, and proves the result equivalent.")
        {
            Verbose,
        };
        foreach (var command in Commands.CommandRegistry.All(stdout, stderr))
        {
            root.Subcommands.Add(command);
        }

        // The built-in --version reads the entry assembly, which is the test host when the CLI
        // runs in-process; ours reports qdc's own build.
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        var version = new Option<bool>("--version") { Description = "Show qdc's version and exit." };
        root.Options.Add(version);
        root.SetAction(parse =>
        {
            if (parse.GetValue(version))
            {
                stdout.WriteLine(VersionText);
                return ExitCodes.Success;
            }
            new System.CommandLine.Help.HelpAction().Invoke(parse);
            return ExitCodes.Usage;
        });
        return root;
    }

    /// <summary>The informational version stamped by the build, without the source-revision suffix.</summary>
    public static string VersionText
    {
        get
        {
            var info = typeof(QdcCommand).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
                .FirstOrDefault()?.InformationalVersion ?? "0.0.0";
            int plus = info.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? info : info[..plus];
        }
    }

    /// <summary>Parses and runs a command line; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parse = root.Parse(args);
        bool verbose = parse.GetValue(Verbose);
        try
        {
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            int code = parse.Invoke(config);
            // System.CommandLine reports parse errors with exit code 1; DESIGN.md says usage errors are 2.
            return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"qdc: internal error: {ex.Message}");
            if (verbose)
            {
                stderr.WriteLine(ex.ToString());
            }
            else
            {
                stderr.WriteLine("(run again with --verbose for the stack trace, and please report it)");
            }
            return ExitCodes.InternalError;
        }
    }
}
