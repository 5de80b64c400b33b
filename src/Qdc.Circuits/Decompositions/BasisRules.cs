using System.Collections.Frozen;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>How each gate outside {one-qubit, cx, diagonal two-qubit} is taken apart.</summary>
internal static class BasisRules
{
    /// <summary>Diagonal two-qubit gates stay whole: one ebit serves a run of them (DESIGN.md).</summary>
    public static readonly FrozenSet<string> KeptDiagonal =
        new[] { "cz", "cp", "cu1", "crz", "rzz", "cphase" }.ToFrozenSet(StringComparer.Ordinal);

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
                QelibNetworks.GrayCodeC3(seq, Math.PI / 4, q);
                return;
            case "c3sqrtx":
                QelibNetworks.GrayCodeC3(seq, -Math.PI / 8, q);
                return;
            case "c3sqrtx_dg":
                QelibNetworks.GrayCodeC3(seq, Math.PI / 8, q);
                return;
            case "c4x":
                QelibNetworks.C4x(seq, q);
                return;
            case "rccx":
            case "rccx_dg":
                QelibNetworks.Body(seq, QelibNetworks.RccxBody, q, inverse: g.Name.EndsWith("_dg", StringComparison.Ordinal));
                return;
            case "rc3x":
            case "rc3x_dg":
                QelibNetworks.Body(seq, QelibNetworks.Rc3xBody, q, inverse: g.Name.EndsWith("_dg", StringComparison.Ordinal));
                return;
        }
        var target = TwoByTwo.ControlledTarget(g.Matrix)
            ?? throw new NotSupportedException($"no decomposition for gate {g}");
        ControlledGates.MultiControl(seq, target, q[..^1], q[^1]);
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
}
