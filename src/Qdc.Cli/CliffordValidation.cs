using System.Collections.Immutable;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Emission;
using Qdc.Qasm;
using Qdc.Simulation;
using Qdc.Simulation.Stabilizer;

namespace Qdc.Cli;

/// <summary>
/// <c>validate --clifford</c>: the joined node programs against a Clifford source on a stabilizer
/// tableau (<see cref="CliffordEquivalence"/>), for circuits far past what a statevector holds.
/// </summary>
internal static class CliffordValidation
{
    public static int Run(string sourcePath, string[]? parameters, Circuit source, JoinedProgram joined, ulong seed, int branches, TextWriter stdout, TextWriter stderr)
    {
        if (Obstacle(source) is { } obstacle)
        {
            var (at, code, message) = obstacle;
            Report(sourcePath, parameters, at, code, message, stderr);
            return code == SimulationCodes.NotUnitary ? ExitCodes.Infeasible : ExitCodes.InputError;
        }
        return Check(source, joined, seed, branches, stdout, stderr);
    }

    /// <summary>Whether a source can be checked on the tableau: Clifford, and unitary up to its final measurements.</summary>
    public static bool Applies(Circuit source) => Obstacle(source) is null;

    /// <summary>The tableau check of a source that <see cref="Applies"/>, its verdict printed; the exit code.</summary>
    public static int Check(Circuit source, JoinedProgram joined, ulong seed, int branches, TextWriter stdout, TextWriter stderr)
    {
        var options = new CliffordEquivalenceOptions { Seed = seed, Branches = branches, OutputQubitMap = joined.EndMap };
        var result = CliffordEquivalence.Check(source, joined.Circuit, joined.StartMap, options);
        if (result.Message is { } why)
        {
            // The source passed above, so what cannot be checked is in the node programs.
            stderr.WriteLine($"qdc: cannot validate with --clifford: {why}; were the programs compiled from a Clifford circuit (qdc proxy)?");
            return ExitCodes.Infeasible;
        }
        if (result.Equivalent)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validated (Clifford): equivalent on {result.Branches} measurement branch{(result.Branches == 1 ? "" : "es")}, stabilizer tableau of {joined.Circuit.QubitCount + source.QubitCount} qubits (the joined programs and a Bell partner per source qubit)"));
            return ExitCodes.Success;
        }
        stderr.WriteLine("qdc: validation failed: the node programs differ from the source");
        stderr.WriteLine(result.ToString());
        return ExitCodes.Inequivalent;
    }

    /// <summary>The first operation the stabilizer check cannot take: mid-circuit measurement, reset or condition, or a non-Clifford gate.</summary>
    private static (int At, string Code, string Message)? Obstacle(Circuit source)
    {
        var stripped = TerminalMeasurements.Strip(source);
        int j = 0;
        for (int i = 0; i < source.Operations.Length; i++)
        {
            var op = source.Operations[i];
            if (j >= stripped.Operations.Length || !ReferenceEquals(stripped.Operations[j], op))
            {
                continue; // a final measurement, which the check ignores
            }
            j++;
            if (op is MeasureOperation or ResetOperation || op.Condition is not null)
            {
                string what = op switch { MeasureOperation => "a measurement before the end", ResetOperation => "a reset", _ => "a classically conditioned operation" };
                return (i, SimulationCodes.NotUnitary, $"{what}: the Clifford check compares unitary sources (final measurements aside); use qdc validate without --clifford");
            }
        }
        if (CliffordProgram.TryCompile(stripped, out int bad) is null)
        {
            var op = stripped.Operations[bad];
            int at = source.Operations.IndexOf(op, 0, source.Operations.Length, ReferenceOnly.Instance);
            string name = op is GateOperation g ? g.Gate.Name : op.Kind.ToString();
            return (at, SimulationCodes.NotClifford, $"gate '{name}' is not Clifford; run qdc proxy first (qdc proxy CIRCUIT -o PROXY, then compile and validate the proxy)");
        }
        return null;
    }

    /// <summary>The diagnostic at the place operation <paramref name="at"/> was written (the file is read again, this time keeping places).</summary>
    private static void Report(string sourcePath, string[]? parameters, int at, string code, string message, TextWriter stderr)
    {
        var values = CircuitInput.ParameterValues(parameters) ?? [];
        var located = QasmFrontEnd.LoadLocated(sourcePath, new QasmOptions { Parameters = values }, new DiagnosticBag(), out var locations);
        var place = located is not null && locations.Length == located.Operations.Length && at >= 0 && at < locations.Length
            ? locations[at]
            : SourceLocation.None(sourcePath);
        var bag = new DiagnosticBag();
        bag.Error(code, message, place, place.Line > 0 ? LineOf(place) : null);
        CircuitInput.Report(bag, stderr);
    }

    private static string? LineOf(SourceLocation place)
    {
        try
        {
            var lines = File.ReadAllLines(place.Path);
            return place.Line <= lines.Length ? lines[place.Line - 1] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class ReferenceOnly : IEqualityComparer<Operation>
    {
        public static readonly ReferenceOnly Instance = new();

        public bool Equals(Operation? x, Operation? y) => ReferenceEquals(x, y);

        public int GetHashCode(Operation obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
