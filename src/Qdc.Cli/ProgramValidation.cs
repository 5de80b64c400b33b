using System.Globalization;
using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Emission;
using Qdc.Simulation;

namespace Qdc.Cli;

/// <summary>
/// The equivalence check shared by <c>compile --validate</c> and <c>validate</c>: node programs,
/// joined, against the source, compared just before the source's final measurements.
/// </summary>
internal static class ProgramValidation
{
    /// <summary>Past this many joined qubits the check is not tried unless asked: inputs × branches would take minutes.</summary>
    public const int DefaultMaxQubits = 22;

    /// <param name="strict">validate: a check that cannot run is exit 4; compile: it is skipped with a message.</param>
    public static int Run(Circuit source, JoinedProgram joined, ulong seed, bool strict, TextWriter stdout, TextWriter stderr, int maxQubits = DefaultMaxQubits, int threads = 0)
    {
        var reference = FinalMeasurements.Strip(source);
        var candidate = FinalMeasurements.Strip(joined.Circuit);
        string skipped = strict ? "qdc: cannot validate" : "qdc: --validate skipped";
        int skipCode = strict ? ExitCodes.Infeasible : ExitCodes.Success;
        if (candidate.QubitCount > maxQubits)
        {
            stderr.WriteLine($"{skipped}: the joined node programs have {candidate.QubitCount} qubits alive at once (data and communication); qdc validates up to {maxQubits}{(strict ? " (raise it with --max-qubits)" : " (qdc validate --max-qubits takes more)")}");
            return skipCode;
        }
        if (MemoryGuard.Check(candidate.QubitCount, new SimulationOptions()) is { } tooBig)
        {
            stderr.WriteLine($"{skipped}: {tooBig.Message}");
            return skipCode;
        }
        var result = Equivalence.Check(reference, candidate, joined.StartMap, new EquivalenceOptions { Seed = seed, OutputQubitMap = joined.EndMap, Simulation = new SimulationOptions { Threads = threads } });
        if (result.Equivalent)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validated: equivalent on {result.InputStates} input states and {result.Branches} branches{(result.Exhaustive ? " (every branch)" : "")}, worst fidelity {result.WorstFidelity:F12}"));
            return ExitCodes.Success;
        }
        if (result.Failure is null)
        {
            // The checker could not compare (e.g. mid-circuit measurement in the source): say so.
            stderr.WriteLine($"{skipped}: the checker cannot compare this circuit: {result.Message}");
            return skipCode;
        }
        stderr.WriteLine("qdc: validation failed: the node programs differ from the source");
        stderr.WriteLine(result.Failure.Describe());
        return ExitCodes.Inequivalent;
    }
}
