using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Gates;

namespace Qdc.Compiler.Emission;

/// <summary>
/// Rewrites one node's steps into its QPU's native gates. Unconditioned one-qubit gates are
/// multiplied together per qubit until something else touches the qubit, then written in the
/// Euler basis (nothing at all for an identity; a lone gate that is already native stays as it
/// is). Two-qubit gates go through the native entangler: cx and cz into each other by Hadamards,
/// either into rzz, and any diagonal gate as rz⊗rz times one rzz or a cx·rz·cx sandwich.
/// Conditioned gates (corrections) are translated one by one, keeping their condition.
/// </summary>
internal sealed class NativeTranslator(NativeGateSet native, Action<string> fail)
{
    private const double Tiny = 1e-12;

    private readonly SortedDictionary<int, Pending> _pending = [];
    private readonly List<NodeStep> _out = [];

    private sealed class Pending(GateOperation first)
    {
        public GateOperation First { get; } = first;

        public GateMatrix Product { get; set; } = first.Gate.Matrix;

        public int Count { get; set; } = 1;
    }

    public List<NodeStep> Translate(IEnumerable<NodeStep> steps)
    {
        foreach (var step in steps)
        {
            switch (step.Operation)
            {
                case null:
                    if (step.Kind == Qasm.NodePrograms.NetworkCallKind.Epr)
                    {
                        Flush(step.Bit);
                    }
                    _out.Add(step);
                    break;
                case GateOperation g:
                    Gate(g);
                    break;
                case var op:
                    foreach (int q in op.Qubits)
                    {
                        Flush(q);
                    }
                    _out.Add(step);
                    break;
            }
        }
        foreach (int q in _pending.Keys.ToList())
        {
            Flush(q);
        }
        return _out;
    }

    private void Gate(GateOperation g)
    {
        if (g.Qubits.Length == 1 && g.Condition is null)
        {
            int q = g.Qubits[0];
            if (_pending.TryGetValue(q, out var p))
            {
                p.Product = g.Gate.Matrix.Multiply(p.Product);
                p.Count++;
            }
            else
            {
                _pending[q] = new Pending(g);
            }
            return;
        }
        foreach (int q in g.Qubits)
        {
            Flush(q);
        }
        if (g.Qubits.Length == 1)
        {
            OneQubit(g.Gate.Matrix, g.Qubits[0], g.Condition, g);
        }
        else
        {
            TwoQubit(g);
        }
    }

    private void Flush(int qubit)
    {
        if (_pending.Remove(qubit, out var p))
        {
            OneQubit(p.Product, qubit, null, p.Count == 1 ? p.First : null);
        }
    }

    private void OneQubit(GateMatrix u, int qubit, Condition? condition, GateOperation? alone)
    {
        if (alone is not null && native.Names.Contains(alone.Gate.Name) && alone.Gate.Controls == 0)
        {
            _out.Add(new NodeStep(alone));
            return;
        }
        if (AsRx(u) is { } rx)
        {
            _out.Add(new NodeStep(new GateOperation(rx, [qubit], condition)));
            return;
        }
        var basis = native.Basis;
        if (basis is null && native.Names.Contains("rz") && u.IsDiagonal())
        {
            basis = EulerBasis.Zyz;
        }
        if (basis is null)
        {
            fail($"its native gates ({native.Describe()}) cannot express the one-qubit gate {alone?.Gate.ToString() ?? "(a merged rotation)"}: they need u, or rz with ry, rx or sx");
            return;
        }
        foreach (var piece in Decompose.Euler(u, basis.Value, qubit, condition, native.UName).Operations)
        {
            _out.Add(new NodeStep(piece));
        }
    }

    /// <summary>
    /// One rx when the QPU has it and U is a rotation about x (an X correction, say): with
    /// λ = −φ, Rz(φ)·Ry(θ)·Rz(−φ) turns about the axis (−sin φ, cos φ, 0), which is ±x for φ = ∓π/2.
    /// </summary>
    private Gate? AsRx(GateMatrix u)
    {
        if (!native.Names.Contains("rx"))
        {
            return null;
        }
        var z = ZyzAngles.Of(u);
        if (z.Theta < Tiny || !IsZero(z.Phi + z.Lambda))
        {
            return null;
        }
        return IsZero(z.Phi + (Math.PI / 2)) ? Circuits.Gates.Gate.Create("rx", z.Theta)
            : IsZero(z.Phi - (Math.PI / 2)) ? Circuits.Gates.Gate.Create("rx", -z.Theta)
            : null;
    }

    private static bool IsZero(double angle) => Math.Abs(Math.IEEERemainder(angle, 2 * Math.PI)) < Tiny;

    private void TwoQubit(GateOperation g)
    {
        if (native.Names.Contains(g.Gate.Name) && g.Gate.Controls == 0)
        {
            _out.Add(new NodeStep(g));
            return;
        }
        if (g.Qubits.Length == 2 && g.Gate.Controls == 0 && g.Gate.Name is "cx" or "CX")
        {
            Cx(g.Qubits[0], g.Qubits[1], g.Condition);
            return;
        }
        if (g.Qubits.Length == 2 && g.Gate.IsDiagonal)
        {
            Diagonal(g.Gate.Matrix, g.Qubits[0], g.Qubits[1], g.Condition);
            return;
        }
        var pieces = Decompose.ToBasis(g).Operations;
        if (pieces.Length == 1 && pieces[0].Equals(g))
        {
            fail($"no decomposition for gate {g.Gate}");
            return;
        }
        foreach (var piece in pieces)
        {
            Gate(piece);
        }
    }

    private void Cx(int a, int b, Condition? condition)
    {
        switch (native.Entangler)
        {
            case "cx":
                Emit2(Circuits.Gates.Gate.Create("cx"), a, b, condition);
                return;
            case "cz":
                Hadamard(b, condition);
                Emit2(Circuits.Gates.Gate.Create("cz"), a, b, condition);
                Hadamard(b, condition);
                return;
            case "rzz":
                // cx = (I⊗H)·cz·(I⊗H), and cz = rzz(−π/2)·(rz(π/2)⊗rz(π/2)) up to phase.
                Hadamard(b, condition);
                Emit2(Circuits.Gates.Gate.Create("rzz", -Math.PI / 2), a, b, condition);
                Gate(new GateOperation(Circuits.Gates.Gate.Create("rz", Math.PI / 2), [a], condition));
                Gate(new GateOperation(Circuits.Gates.Gate.Create("rz", Math.PI / 2), [b], condition));
                Hadamard(b, condition);
                return;
            default:
                fail($"its native gates ({native.Describe()}) have no two-qubit gate (cx, cz or rzz) to build cx from");
                return;
        }
    }

    /// <summary>
    /// diag(e^{ip00}, e^{ip01}, e^{ip10}, e^{ip11}) = e^{i(a0 + a1·Z⊗I + a2·I⊗Z + a3·Z⊗Z)}, so it is
    /// rz(−2a1) ⊗ rz(−2a2) times rzz(−2a3), and rzz(θ) = cx·(I⊗rz(θ))·cx.
    /// </summary>
    private void Diagonal(GateMatrix m, int a, int b, Condition? condition)
    {
        double p00 = m[0, 0].Phase, p01 = m[1, 1].Phase, p10 = m[2, 2].Phase, p11 = m[3, 3].Phase;
        double a1 = (p00 + p01 - p10 - p11) / 4;
        double a2 = (p00 - p01 + p10 - p11) / 4;
        double a3 = (p00 - p01 - p10 + p11) / 4;
        if (Math.Abs(a3) > Tiny)
        {
            if (native.Entangler == "rzz")
            {
                Emit2(Circuits.Gates.Gate.Create("rzz", -2 * a3), a, b, condition);
            }
            else
            {
                Cx(a, b, condition);
                Gate(new GateOperation(Circuits.Gates.Gate.Create("rz", -2 * a3), [b], condition));
                Cx(a, b, condition);
            }
        }
        RzIfAny(-2 * a1, a, condition);
        RzIfAny(-2 * a2, b, condition);
    }

    private void RzIfAny(double angle, int qubit, Condition? condition)
    {
        if (Math.Abs(Math.IEEERemainder(angle, 4 * Math.PI)) > Tiny)
        {
            Gate(new GateOperation(Circuits.Gates.Gate.Create("rz", angle), [qubit], condition));
        }
    }

    private void Hadamard(int qubit, Condition? condition) =>
        Gate(new GateOperation(Circuits.Gates.Gate.Create("h"), [qubit], condition));

    private void Emit2(Gate gate, int a, int b, Condition? condition)
    {
        Flush(a);
        Flush(b);
        _out.Add(new NodeStep(new GateOperation(gate, [a, b], condition)));
    }
}
