using System.Globalization;
using Qdc.Circuits;

namespace Qdc.Simulation.Stabilizer;

/// <summary>
/// Proves a Clifford candidate (typically joined node programs) equivalent to a Clifford reference
/// on a stabilizer tableau, so that circuits of hundreds of qubits can be checked. Choi-style:
/// every reference qubit starts in a Bell pair with a fresh partner qubit, the reference runs on
/// its half, and the final state (the Choi state) fixes the reference's unitary up to phase. The
/// candidate runs on the same pairs, its other qubits starting in |0⟩, over seeded measurement
/// branches; on each one its stabilizer group must contain a complete group on data and partners
/// (the extra qubits end in a product with them) equal to the reference's, signs included.
/// </summary>
/// <remarks>
/// The reference must be unitary before its final measurements (those are ignored, as by
/// <see cref="Equivalence"/>); the candidate may measure, reset and condition gates on its bits.
/// A wrong branch shows on about half of the random ones or more, so the default 32 branches miss a
/// fault with probability about 2^-32; a candidate with no random outcomes needs only one.
/// </remarks>
public static class CliffordEquivalence
{
    /// <param name="qubitMap">qubitMap[i] is the candidate qubit that holds reference qubit i at the start (and at the end unless the options say otherwise)</param>
    public static CliffordEquivalenceResult Check(Circuit reference, Circuit candidate, IReadOnlyList<int> qubitMap, CliffordEquivalenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        options ??= new CliffordEquivalenceOptions();
        Equivalence.CheckMap(reference, candidate, qubitMap);
        var outputMap = options.OutputQubitMap ?? qubitMap;
        Equivalence.CheckMap(reference, candidate, outputMap);
        reference = TerminalMeasurements.Strip(reference);
        candidate = TerminalMeasurements.Strip(candidate);
        if (reference.Operations.FirstOrDefault(o => o is MeasureOperation or ResetOperation || o.Condition is not null) is { } midCircuit)
        {
            return Refuse($"the reference is not unitary before its final measurements ({Describe(midCircuit)}); the Clifford check compares unitaries");
        }
        if (CliffordProgram.TryCompile(reference, out int badRef) is not { } refProgram)
        {
            return Refuse($"reference operation {badRef} ({reference.Operations[badRef]}) is not Clifford");
        }
        if (CliffordProgram.TryCompile(candidate, out int badCand) is not { } candProgram)
        {
            return Refuse($"candidate operation {badCand} ({candidate.Operations[badCand]}) is not Clifford");
        }
        int m = reference.QubitCount, n = candidate.QubitCount;
        var expected = ReferenceChoi(reference, refProgram);
        var keep = outputMap.Concat(Enumerable.Range(n, m)).ToArray();
        var rng = new Xoshiro256(options.Seed);
        int branches = 0;
        for (int b = 0; b < Math.Max(1, options.Branches); b++)
        {
            var tableau = new Tableau(n + m);
            for (int i = 0; i < m; i++)
            {
                Bell(tableau, qubitMap[i], n + i);
            }
            var outcomes = candProgram.Run(tableau, new bool[candidate.ClbitCount], rng, out bool anyRandom);
            branches++;
            var got = StabilizerGroup.Restricted(tableau, keep);
            if (Difference(reference, expected, got) is { } difference)
            {
                return new CliffordEquivalenceResult(false, branches, b, outcomes, difference, null);
            }
            if (!anyRandom)
            {
                // Every run would be this one.
                break;
            }
        }
        return new CliffordEquivalenceResult(true, branches, -1, [], null, null);
    }

    private static StabilizerGroup ReferenceChoi(Circuit reference, CliffordProgram program)
    {
        int m = reference.QubitCount;
        var tableau = new Tableau(2 * m);
        for (int i = 0; i < m; i++)
        {
            Bell(tableau, i, m + i);
        }
        program.Run(tableau, new bool[reference.ClbitCount], new Xoshiro256(0), out _);
        return StabilizerGroup.Of(tableau);
    }

    /// <summary>(|00⟩ + |11⟩)/√2 on a qubit in |0⟩ and its partner in |0⟩.</summary>
    private static void Bell(Tableau tableau, int qubit, int partner)
    {
        tableau.H(partner);
        tableau.Cx(partner, qubit);
    }

    private static string? Difference(Circuit reference, StabilizerGroup expected, StabilizerGroup got)
    {
        int m = reference.QubitCount;
        string Name(int j) => j < m ? reference.QubitName(j) : reference.QubitName(j - m) + "'";
        if (!got.IsComplete)
        {
            return Invariant($"the candidate's other qubits stay entangled with the data: only {got.Generators.Length} of {2 * m} independent stabilizers act on the data qubits and their partners alone (q' is the Bell partner q started with)");
        }
        int d = expected.FirstDifference(got);
        if (d < 0)
        {
            return null;
        }
        return Invariant($"canonical stabilizer {d} of the Choi state (each qubit q in a Bell pair with a partner q' first) is {expected.Generators[d].Describe(Name)} for the reference but {got.Generators[d].Describe(Name)} for the candidate");
    }

    private static string Describe(Operation op) => op switch
    {
        MeasureOperation => "a mid-circuit measurement",
        ResetOperation => "a reset",
        _ => "a classically conditioned gate",
    };

    private static CliffordEquivalenceResult Refuse(string message) => new(false, 0, -1, [], null, message);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
