using System.Collections.Frozen;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>How each gate outside {one-qubit, cx, diagonal two-qubit} is taken apart.</summary>
internal static class BasisRules
{
    /// <summary>Diagonal two-qubit gates stay whole: one ebit serves a run of them (DESIGN.md).</summary>
    public static readonly FrozenSet<string> KeptDiagonal =
        new[] { "cz", "cp", "cu1", "crz", "rzz", "cphase" }.ToFrozenSet(StringComparer.Ordinal);

    // Qiskit's relative-phase Toffolis, as qelib1.inc defines them (u2(0,π) is exactly h). A NaN
    // parameter means the gate takes none; a Target of −1 marks a one-qubit step.
    private static readonly (string Name, double Parameter, int Qubit, int Target)[] RccxBody =
    [
        ("h", double.NaN, 2, -1), ("u1", Math.PI / 4, 2, -1), ("cx", double.NaN, 1, 2), ("u1", -Math.PI / 4, 2, -1),
        ("cx", double.NaN, 0, 2), ("u1", Math.PI / 4, 2, -1), ("cx", double.NaN, 1, 2), ("u1", -Math.PI / 4, 2, -1),
        ("h", double.NaN, 2, -1),
    ];

    private static readonly (string Name, double Parameter, int Qubit, int Target)[] Rc3xBody =
    [
        ("h", double.NaN, 3, -1), ("u1", Math.PI / 4, 3, -1), ("cx", double.NaN, 2, 3), ("u1", -Math.PI / 4, 3, -1),
        ("h", double.NaN, 3, -1), ("cx", double.NaN, 0, 3), ("u1", Math.PI / 4, 3, -1), ("cx", double.NaN, 1, 3),
        ("u1", -Math.PI / 4, 3, -1), ("cx", double.NaN, 0, 3), ("u1", Math.PI / 4, 3, -1), ("cx", double.NaN, 1, 3),
        ("u1", -Math.PI / 4, 3, -1), ("h", double.NaN, 3, -1), ("u1", Math.PI / 4, 3, -1), ("cx", double.NaN, 2, 3),
        ("u1", -Math.PI / 4, 3, -1), ("h", double.NaN, 3, -1),
    ];

    public static bool IsBasis(Gate g) =>
        g.Controls == 0 && (g.Definition.Qubits == 1 || g.Name == "cx" || KeptDiagonal.Contains(g.Name));

    public static Decomposition ToBasis(GateOperation op)
    {
        var seq = new GateSequence(op.Condition);
        var g = op.Gate;
        var qubits = op.Qubits.AsSpan();
        if (g.Controls == 0)
        {
            Uncontrolled(seq, g, qubits);
            return seq.Build();
        }
        // Take the base gate apart first, then control each piece; a phase of the pieces becomes
        // a phase gate on the controls, since under control it is no longer global.
        var inner = new GateSequence(null);
        Uncontrolled(inner, new Gate(g.Definition, g.Parameters), qubits[g.Controls..]);
        var controls = qubits[..g.Controls];
        var d = inner.Build();
        foreach (var piece in d.Operations)
        {
            ControlPiece(seq, piece, controls);
        }
        if (d.GlobalPhase != 0)
        {
            ControlledGates.MultiControl(seq, GateLibrary.Phase(d.GlobalPhase), controls[..^1], controls[^1]);
        }
        return seq.Build();
    }

    private static void Uncontrolled(GateSequence seq, Gate g, ReadOnlySpan<int> q)
    {
        if (IsBasis(g))
        {
            seq.Add(g, [.. q]);
            return;
        }
        switch (g.Name)
        {
            case "CX":
                seq.Cx(q[0], q[1]);
                return;
            case "swap":
                seq.Cx(q[0], q[1]);
                seq.Cx(q[1], q[0]);
                seq.Cx(q[0], q[1]);
                return;
            case "rxx":
                // XX = (H⊗H)·ZZ·(H⊗H), so rxx is rzz between Hadamards.
                seq.Add("h", q[0]);
                seq.Add("h", q[1]);
                seq.Add("rzz", g.Parameters[0], q[0], q[1]);
                seq.Add("h", q[0]);
                seq.Add("h", q[1]);
                return;
            case "ccx":
                ControlledGates.Ccx(seq, q[0], q[1], q[2]);
                return;
            case "cswap":
                seq.Cx(q[2], q[1]);
                ControlledGates.Ccx(seq, q[0], q[1], q[2]);
                seq.Cx(q[2], q[1]);
                return;
            case "c3x":
                GrayCodeC3(seq, Math.PI / 4, q);
                return;
            case "c3sqrtx":
                GrayCodeC3(seq, -Math.PI / 8, q);
                return;
            case "c3sqrtx_dg":
                GrayCodeC3(seq, Math.PI / 8, q);
                return;
            case "c4x":
                C4x(seq, q);
                return;
            case "rccx":
            case "rccx_dg":
                Body(seq, RccxBody, q, inverse: g.Name.EndsWith("_dg", StringComparison.Ordinal));
                return;
            case "rc3x":
            case "rc3x_dg":
                Body(seq, Rc3xBody, q, inverse: g.Name.EndsWith("_dg", StringComparison.Ordinal));
                return;
        }
        var target = TwoByTwo.ControlledTarget(g.Matrix)
            ?? throw new NotSupportedException($"no decomposition for gate {g}");
        ControlledGates.MultiControl(seq, target, q[..^1], q[^1]);
    }

    /// <summary>
    /// Λ₃(H·P(−4a)·H) by qelib1.inc's Gray-code network: 6 cx and 7 cu1 kept whole (cheaper than
    /// Barenco's 26 cx, and diagonal). a = π/4 gives c3x, −π/8 c3sqrtx, π/8 its inverse; exact.
    /// </summary>
    private static void GrayCodeC3(GateSequence seq, double a, ReadOnlySpan<int> q)
    {
        int t = q[3];
        // (parity qubit, sign) per step, with the cx that move the parity between steps.
        (int Control, int Sign, int CxFrom, int CxTo)[] steps =
        [
            (q[0], -1, q[0], q[1]), (q[1], 1, q[0], q[1]), (q[1], -1, q[1], q[2]), (q[2], 1, q[0], q[2]),
            (q[2], -1, q[1], q[2]), (q[2], 1, q[0], q[2]), (q[2], -1, -1, -1),
        ];
        // The file wraps every cu1 in h…h on the target; the cx never touch it, so the inner pairs cancel.
        seq.Add("h", t);
        foreach (var (control, sign, from, to) in steps)
        {
            seq.Add("cu1", sign * a, control, t);
            if (from >= 0)
            {
                seq.Cx(from, to);
            }
        }
        seq.Add("h", t);
    }

    /// <summary>
    /// Qiskit's C4X definition: h e; cu1(π/2) d,e; h e; rc3x a,b,c,d; h e; cu1(−π/2) d,e; h e;
    /// rc3x† a,b,c,d; c3sqrtx a,b,c,e — exact, 18 cx and 9 cu1 instead of Barenco's 82 cx. The
    /// h e pair around the first rc3x cancels (rc3x does not touch e).
    /// </summary>
    private static void C4x(GateSequence seq, ReadOnlySpan<int> q)
    {
        int d = q[3], e = q[4];
        seq.Add("h", e);
        seq.Add("cu1", Math.PI / 2, d, e);
        Body(seq, Rc3xBody, q[..4], inverse: false);
        seq.Add("cu1", -Math.PI / 2, d, e);
        seq.Add("h", e);
        Body(seq, Rc3xBody, q[..4], inverse: true);
        GrayCodeC3(seq, -Math.PI / 8, [q[0], q[1], q[2], e]);
    }

    private static void ControlPiece(GateSequence seq, GateOperation piece, ReadOnlySpan<int> controls)
    {
        var g = piece.Gate;
        var q = piece.Qubits;
        if (g.Definition.Qubits == 1)
        {
            ControlledGates.MultiControl(seq, g.Matrix, controls, q[0]);
            return;
        }
        if (g.Name == "rzz")
        {
            // rzz = cx·(I⊗rz)·cx, and the cx pair cancels when the controls are off.
            seq.Cx(q[0], q[1]);
            ControlledGates.MultiControl(seq, GateLibrary.Rz(g.Parameters[0]), controls, q[1]);
            seq.Cx(q[0], q[1]);
            return;
        }
        // cx and the kept diagonal gates are each a one-qubit gate on q[1] controlled by q[0].
        var target = TwoByTwo.ControlledTarget(g.Matrix)
            ?? throw new NotSupportedException($"no controlled decomposition for {g}");
        ControlledGates.MultiControl(seq, target, [.. controls, q[0]], q[1]);
    }

    private static void Body(GateSequence seq, (string Name, double Parameter, int Qubit, int Target)[] body, ReadOnlySpan<int> q, bool inverse)
    {
        for (int i = 0; i < body.Length; i++)
        {
            var (name, p, a, b) = body[inverse ? body.Length - 1 - i : i];
            var gate = double.IsNaN(p) ? Gate.Create(name) : Gate.Create(name, p);
            if (inverse)
            {
                var (iname, iparams) = gate.Definition.Inverse([.. gate.Parameters]);
                gate = Gate.Create(iname, iparams);
            }
            if (b < 0)
            {
                seq.Add(gate, q[a]);
            }
            else
            {
                seq.Add(gate, q[a], q[b]);
            }
        }
    }
}
