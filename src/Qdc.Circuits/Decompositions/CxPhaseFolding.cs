using System.Collections.Immutable;
using System.Numerics;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>
/// Folds cx(a, b) · D · cx(a, b), with D diagonal one-qubit gates on b, back into the diagonal
/// gate it is: with D = diag(d0, d1) and e^{iφ} = d1/d0, the block applies d_{a⊕b}, which is
/// d0 · p(φ) on a · p(φ) on b · cp(−2φ). Transpiled files write every controlled phase and every
/// ZZ interaction this way (QASMBench's QFT and QAOA), and as cx the pair looks like two runs
/// broken on b, where as one diagonal gate it is served by either qubit's copy.
/// </summary>
internal static class CxPhaseFolding
{
    public static ImmutableArray<Operation> Fold(IReadOnlyList<Operation> ops, ref double phase)
    {
        var output = new List<Operation?>(ops.Count);
        // Per target qubit: the open block's cx position in the output, its control and the diagonal so far.
        var open = new Dictionary<int, Block>();
        var controlOf = new Dictionary<int, int>();

        void Close(int qubit)
        {
            if (open.Remove(qubit, out var block))
            {
                controlOf.Remove(block.Control);
            }
            else if (controlOf.Remove(qubit, out int target))
            {
                open.Remove(target);
            }
        }

        foreach (var op in ops)
        {
            if (op is GateOperation { Condition: null } g && g.Gate.Name == "cx" && g.Gate.Controls == 0)
            {
                int a = g.Qubits[0], b = g.Qubits[1];
                if (open.TryGetValue(b, out var block) && block.Control == a)
                {
                    // The block closes: the first cx becomes the diagonal gates, the diagonals on b go.
                    Complex d0 = block.D0, d1 = block.D1;
                    double phi = Math.Atan2(d1.Imaginary * d0.Real - d1.Real * d0.Imaginary, d1.Real * d0.Real + d1.Imaginary * d0.Imaginary);
                    phase += Math.Atan2(d0.Imaginary, d0.Real);
                    foreach (int at in block.Diagonals)
                    {
                        output[at] = null;
                    }
                    // cx · d0 · cx is only a phase, and cx · Z · cx is Z on both: no two-qubit gate is left to place.
                    double theta = Math.IEEERemainder(-2 * phi, 2 * Math.PI);
                    output[block.At] = Math.Abs(theta) < 1e-12 ? null : new GateOperation(Gate.Create("cp", theta), [a, b]);
                    if (Math.Abs(phi) >= 1e-12)
                    {
                        output.Add(new GateOperation(Gate.Create("p", phi), [a]));
                        output.Add(new GateOperation(Gate.Create("p", phi), [b]));
                    }
                    open.Remove(b);
                    controlOf.Remove(a);
                    continue;
                }
                Close(a);
                Close(b);
                open[b] = new Block(output.Count, a, Complex.One, Complex.One, []);
                controlOf[a] = b;
                output.Add(op);
                continue;
            }
            if (op is GateOperation { Condition: null, Qubits.Length: 1 } d && d.Gate.IsDiagonal)
            {
                int q = d.Qubits[0];
                if (open.TryGetValue(q, out var block))
                {
                    var m = d.Gate.Matrix;
                    open[q] = block with { D0 = block.D0 * m[0, 0], D1 = block.D1 * m[1, 1] };
                    block.Diagonals.Add(output.Count);
                }
                // A diagonal gate on a block's control commutes with both cx: the block stays open.
                output.Add(op);
                continue;
            }
            foreach (int q in op.Qubits)
            {
                Close(q);
            }
            output.Add(op);
        }
        return [.. output.OfType<Operation>()];
    }

    private sealed record Block(int At, int Control, Complex D0, Complex D1, List<int> Diagonals);
}
