using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Gates;

namespace Qdc.Simulation.Stabilizer;

/// <summary>
/// A circuit as tableau operations. One-qubit gates are recognised by their matrix (any Clifford
/// up to global phase, whatever its name or angles: node programs spell them as rz/sx/u), diagonal
/// two-qubit gates by their phases (cp(π) is cz, rzz(π/2) is cz with two S), and any other gate
/// by its exact decomposition into those. Measurements, resets and conditions are kept.
/// </summary>
public sealed class CliffordProgram
{
    private CliffordProgram(int qubits, int clbits, ImmutableArray<CliffordGate> gates)
    {
        QubitCount = qubits;
        ClbitCount = clbits;
        Gates = gates;
    }

    public int QubitCount { get; }

    public int ClbitCount { get; }

    public ImmutableArray<CliffordGate> Gates { get; }

    /// <summary>
    /// The program, or null with the index of the first operation that is not Clifford. Consecutive
    /// one-qubit gates on a qubit (under the same condition) are judged by their product: an Euler
    /// decomposition writes a Clifford as rz(π/4)·sx·sx·rz(π/4) as readily as with quarter turns.
    /// </summary>
    public static CliffordProgram? TryCompile(Circuit circuit, out int nonClifford)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var gates = new List<CliffordGate>(circuit.Operations.Length * 2);
        var runs = new Dictionary<int, OneQubitRun>();
        int failed = -1;

        bool Flush(int qubit)
        {
            if (!runs.Remove(qubit, out var run))
            {
                return true;
            }
            if (OneQubitClass.Classify(run.Product) is not { } cls)
            {
                // Name a gate that is not Clifford alone when there is one: that is the one to replace.
                failed = run.FirstNonClifford >= 0 ? run.FirstNonClifford : run.First;
                return false;
            }
            foreach (char letter in cls.Word)
            {
                gates.Add(new CliffordGate(letter == 'H' ? CliffordGateKind.H : CliffordGateKind.S, qubit, Condition: run.Condition));
            }
            return true;
        }

        for (int i = 0; i < circuit.Operations.Length && failed < 0; i++)
        {
            var op = circuit.Operations[i];
            if (op is GateOperation { Qubits.Length: 1 } one)
            {
                int q = one.Qubits[0];
                int alone = OneQubitClass.Classify(one.Gate.Matrix) is null ? i : -1;
                if (runs.TryGetValue(q, out var open) && Equals(open.Condition, one.Condition))
                {
                    runs[q] = open with { Product = one.Gate.Matrix.Multiply(open.Product), FirstNonClifford = open.FirstNonClifford >= 0 ? open.FirstNonClifford : alone };
                }
                else if (Flush(q))
                {
                    runs[q] = new OneQubitRun(i, alone, one.Condition, one.Gate.Matrix);
                }
                continue;
            }
            // A run under a condition must run before a measurement overwrites one of its bits.
            var rewritten = op is MeasureOperation written
                ? runs.Where(r => r.Value.Condition?.Clbits.Contains(written.Clbit) == true).Select(r => r.Key).Order().ToList()
                : [];
            if (!op.Qubits.All(Flush) || !rewritten.All(Flush))
            {
                break;
            }
            switch (op)
            {
                case GateOperation g when !TryLower(g, gates):
                    failed = i;
                    break;
                case MeasureOperation m:
                    gates.Add(new CliffordGate(CliffordGateKind.Measure, m.Qubit, Clbit: m.Clbit, Condition: m.Condition));
                    break;
                case ResetOperation r:
                    gates.Add(new CliffordGate(CliffordGateKind.Reset, r.Qubits[0], Condition: r.Condition));
                    break;
                default:
                    break;
            }
        }
        foreach (int q in runs.Keys.Order().ToList())
        {
            if (failed < 0)
            {
                Flush(q);
            }
        }
        nonClifford = failed;
        return failed < 0 ? new CliffordProgram(circuit.QubitCount, circuit.ClbitCount, [.. gates]) : null;
    }

    // A run of one-qubit gates on one qubit, from operation First on, multiplied out.
    private sealed record OneQubitRun(int First, int FirstNonClifford, Condition? Condition, GateMatrix Product);

    /// <summary>True when the gate is Clifford up to global phase.</summary>
    public static bool IsClifford(GateOperation gate) => TryLower(gate ?? throw new ArgumentNullException(nameof(gate)), []);

    /// <summary>
    /// Runs the program on the tableau's first qubits: random outcomes from <paramref name="rng"/>,
    /// determined ones as the state has them; returns the outcome of every measurement and reset run.
    /// </summary>
    public List<int> Run(Tableau tableau, bool[] clbits, Xoshiro256 rng, out bool anyRandom)
    {
        ArgumentNullException.ThrowIfNull(tableau);
        ArgumentNullException.ThrowIfNull(clbits);
        ArgumentNullException.ThrowIfNull(rng);
        var outcomes = new List<int>();
        anyRandom = false;
        foreach (var g in Gates)
        {
            if (g.Condition is { } c && !c.Holds(clbits))
            {
                continue;
            }
            int o = g.Apply(tableau, g.Kind is CliffordGateKind.Measure or CliffordGateKind.Reset ? rng.NextInt(2) : 0, out bool random);
            anyRandom |= random;
            if (g.Kind == CliffordGateKind.Measure)
            {
                clbits[g.Clbit] = o == 1;
                outcomes.Add(o);
            }
            else if (g.Kind == CliffordGateKind.Reset)
            {
                outcomes.Add(o);
            }
        }
        return outcomes;
    }

    private static bool TryLower(GateOperation op, List<CliffordGate> into)
    {
        var g = op.Gate;
        var q = op.Qubits;
        var c = op.Condition;
        if (q.Length == 1)
        {
            if (OneQubitClass.Classify(g.Matrix) is not { } cls)
            {
                return false;
            }
            foreach (char letter in cls.Word)
            {
                into.Add(new CliffordGate(letter == 'H' ? CliffordGateKind.H : CliffordGateKind.S, q[0], Condition: c));
            }
            return true;
        }
        if (q.Length == 2 && g.Controls == 0)
        {
            switch (g.Name)
            {
                case "cx" or "CX":
                    into.Add(new CliffordGate(CliffordGateKind.Cx, q[0], q[1], Condition: c));
                    return true;
                case "cz":
                    into.Add(new CliffordGate(CliffordGateKind.Cz, q[0], q[1], Condition: c));
                    return true;
                case "swap":
                    into.Add(new CliffordGate(CliffordGateKind.Swap, q[0], q[1], Condition: c));
                    return true;
                case "cy":
                    // cy = S_t · cx · S†_t.
                    into.Add(new CliffordGate(CliffordGateKind.Sdg, q[1], Condition: c));
                    into.Add(new CliffordGate(CliffordGateKind.Cx, q[0], q[1], Condition: c));
                    into.Add(new CliffordGate(CliffordGateKind.S, q[1], Condition: c));
                    return true;
                default:
                    break;
            }
        }
        if (q.Length == 2 && g.Matrix.IsDiagonal())
        {
            return TryDiagonal(g.Matrix, q[0], q[1], c, into);
        }
        // Anything else through its exact decomposition; a non-Clifford piece makes it non-Clifford
        // (conservative: a Clifford built from non-Clifford pieces, rare in practice, is refused).
        var pieces = Decompose.ToBasis(op).Operations;
        if (pieces.Length == 1 && pieces[0].Gate.Equals(g))
        {
            return false;
        }
        var lowered = new List<CliffordGate>();
        foreach (var piece in pieces)
        {
            if (!TryLower(piece, lowered))
            {
                return false;
            }
        }
        into.AddRange(lowered);
        return true;
    }

    /// <summary>
    /// diag(d00, d01, d10, d11) = e^{i(a + b·x + c·y + e·xy)} for bits x (first operand) and y: Clifford
    /// when b and c are multiples of π/2 and e of π, as p(b) ⊗ p(c) and a cz.
    /// </summary>
    private static bool TryDiagonal(GateMatrix m, int first, int second, Condition? condition, List<CliffordGate> into)
    {
        double a = m[0, 0].Phase;
        double b = m[2, 2].Phase - a, cy = m[1, 1].Phase - a;
        double e = m[3, 3].Phase - m[2, 2].Phase - m[1, 1].Phase + a;
        if (QuarterTurns.Of(b) is not { } kb || QuarterTurns.Of(cy) is not { } kc || QuarterTurns.Of(e) is not { } ke || ke % 2 != 0)
        {
            return false;
        }
        QuarterTurns.Phase(kb, first, condition, into);
        QuarterTurns.Phase(kc, second, condition, into);
        if (ke == 2)
        {
            into.Add(new CliffordGate(CliffordGateKind.Cz, first, second, Condition: condition));
        }
        return true;
    }
}
