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
    /// <summary>Past this many qubits alive at once (after compaction) the check is not tried unless asked.</summary>
    public const int DefaultMaxQubits = 26;

    // CPU time a check may take, by SimulationWork's estimate (each operation sweeps the
    // amplitudes of the qubits alive then): about a minute.
    private const double MaxWork = 60;

    // A Clifford source goes to the tableau, which proves it in well under a second, once the
    // statevector check would take longer than this.
    private const double CliffordPastSeconds = 5;

    /// <param name="strict">validate: a check that cannot run is exit 4; compile: it is skipped with a message.</param>
    public static int Run(Circuit source, JoinedProgram joined, ulong seed, bool strict, TextWriter stdout, TextWriter stderr, int maxQubits = DefaultMaxQubits, int threads = 0)
    {
        string skippedEarly = strict ? "qdc: cannot validate" : "qdc: --validate skipped";
        if (joined.SourceBitOverwritten)
        {
            // The join keeps one value per source bit; a remote read of an older value cannot be joined faithfully.
            stderr.WriteLine($"{skippedEarly}: a source bit is measured on more than one QPU, or used remotely after it was measured again; the joined circuit cannot order those values");
            return strict ? ExitCodes.Infeasible : ExitCodes.Success;
        }
        var (reference, candidate) = TerminalMeasurements.StripMatching(source, joined.Circuit);
        string skipped = strict ? "qdc: cannot validate" : "qdc: --validate skipped";
        int skipCode = strict ? ExitCodes.Infeasible : ExitCodes.Success;
        // The checker simulates the program reordered and compacted: a measured-and-reset qubit gives up its slot.
        var reordered = LiveOrder.Reorder(candidate, joined.StartMap);
        int width = QubitCompaction.Compact(reordered, joined.StartMap, joined.EndMap).Circuit.QubitCount;
        var options = new EquivalenceOptions { Seed = seed, OutputQubitMap = joined.EndMap, Simulation = new SimulationOptions { Threads = threads } };
        int events = candidate.Operations.Count(o => o is MeasureOperation or ResetOperation);
        double perRun = SimulationWork.PerRun(reordered, joined.StartMap).CpuSeconds;
        double work = perRun * options.InputStates * (events <= options.MaxExhaustiveMeasurements ? Math.Pow(2, events) : options.BranchesPerState);
        if (work > MaxWork && events <= options.MaxExhaustiveMeasurements)
        {
            // Every branch would take too long, but random branches still check it: sample them.
            options = options with { Exhaustive = ExhaustiveMode.Never };
            work = perRun * options.InputStates * options.BranchesPerState;
        }
        // A --max-qubits above the default is taken as asking for the long run too.
        bool tooWide = width > maxQubits || (work > MaxWork && maxQubits <= DefaultMaxQubits);
        var tooBig = MemoryGuard.Check(width, new SimulationOptions());
        if ((tooWide || tooBig is not null || work > CliffordPastSeconds) && CliffordValidation.Applies(source))
        {
            // A Clifford source needs no statevector: the tableau proves it at any size.
            string past = tooWide || tooBig is not null
                ? "are past what the statevector check takes"
                : $"would take the statevector check about {work:F0} s of CPU";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validating on a stabilizer tableau: the source is Clifford, and the joined node programs ({width} qubits at once, {candidate.Operations.Length} operations) {past}"));
            return CliffordValidation.Check(source, joined, seed, new Simulation.Stabilizer.CliffordEquivalenceOptions().Branches, stdout, stderr);
        }
        if (tooWide)
        {
            // Each check simulates the joined program many times (inputs × branches): past this it
            // takes many minutes, so it is not tried, and said so rather than left to run.
            string why = width > maxQubits
                ? $"qdc validates up to {maxQubits} qubits"
                : $"the check would take about {(work < 120 ? $"{work:F0} s" : $"{work / 60:F0} minutes")} of CPU, and qdc takes about a minute unless asked";
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{skipped}: the joined node programs need {width} qubits at once (data and communication) and {candidate.Operations.Length} operations; {why}{(strict ? " (raise it with --max-qubits)" : " (qdc validate --max-qubits takes more)")}"));
            return skipCode;
        }
        if (tooBig is not null)
        {
            stderr.WriteLine($"{skipped}: {tooBig.Message}");
            return skipCode;
        }
        var result = Equivalence.Check(reference, candidate, joined.StartMap, options);
        if (result.Equivalent)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validated: equivalent on {result.InputStates} input states and {result.Branches} branches{(result.Exhaustive ? " (every branch)" : "")}, worst fidelity {result.WorstFidelity:F12}"));
            return ExitCodes.Success;
        }
        if (result.Failure is null)
        {
            // The checker could not compare (e.g. a source resetting an undetermined qubit): say so.
            stderr.WriteLine($"{skipped}: the checker cannot compare this circuit: {result.Message}");
            return skipCode;
        }
        stderr.WriteLine("qdc: validation failed: the node programs differ from the source");
        stderr.WriteLine(result.Failure.Describe());
        return ExitCodes.Inequivalent;
    }
}
