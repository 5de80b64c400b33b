using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>The exact networks qelib1.inc and Qiskit give for rccx, rc3x, c3x, c3sqrtx and c4x.</summary>
internal static class QelibNetworks
{
    // Qiskit's relative-phase Toffolis, as qelib1.inc defines them (u2(0,π) is exactly h). A NaN
    // parameter means the gate takes none; a Target of −1 marks a one-qubit step.
    public static readonly (string Name, double Parameter, int Qubit, int Target)[] RccxBody =
    [
        ("h", double.NaN, 2, -1), ("u1", Math.PI / 4, 2, -1), ("cx", double.NaN, 1, 2), ("u1", -Math.PI / 4, 2, -1),
        ("cx", double.NaN, 0, 2), ("u1", Math.PI / 4, 2, -1), ("cx", double.NaN, 1, 2), ("u1", -Math.PI / 4, 2, -1),
        ("h", double.NaN, 2, -1),
    ];

    public static readonly (string Name, double Parameter, int Qubit, int Target)[] Rc3xBody =
    [
        ("h", double.NaN, 3, -1), ("u1", Math.PI / 4, 3, -1), ("cx", double.NaN, 2, 3), ("u1", -Math.PI / 4, 3, -1),
        ("h", double.NaN, 3, -1), ("cx", double.NaN, 0, 3), ("u1", Math.PI / 4, 3, -1), ("cx", double.NaN, 1, 3),
        ("u1", -Math.PI / 4, 3, -1), ("cx", double.NaN, 0, 3), ("u1", Math.PI / 4, 3, -1), ("cx", double.NaN, 1, 3),
        ("u1", -Math.PI / 4, 3, -1), ("h", double.NaN, 3, -1), ("u1", Math.PI / 4, 3, -1), ("cx", double.NaN, 2, 3),
        ("u1", -Math.PI / 4, 3, -1), ("h", double.NaN, 3, -1),
    ];

    /// <summary>
    /// Λ₃(H·P(−4a)·H) by qelib1.inc's Gray-code network: 6 cx and 7 cu1 kept whole (cheaper than
    /// Barenco's 26 cx, and diagonal). a = π/4 gives c3x, −π/8 c3sqrtx, π/8 its inverse; exact.
    /// </summary>
    public static void GrayCodeC3(GateSequence seq, double a, ReadOnlySpan<int> q)
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
    public static void C4x(GateSequence seq, ReadOnlySpan<int> q)
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

    public static void Body(GateSequence seq, (string Name, double Parameter, int Qubit, int Target)[] body, ReadOnlySpan<int> q, bool inverse)
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
