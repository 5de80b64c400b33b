using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>Controlled one-qubit gates down to one-qubit gates and cx, exactly (phase included).</summary>
internal static class ControlledGates
{
    /// <summary>Any one-qubit unitary as one u3 and a global phase: U(θ,φ,λ) = e^{i(φ+λ)/2}·Rz(φ)Ry(θ)Rz(λ).</summary>
    public static void OneQubit(GateSequence seq, GateMatrix u, int qubit)
    {
        var z = ZyzAngles.Of(u);
        seq.Add(Gate.Create("u3", z.Theta, z.Phi, z.Lambda), qubit);
        seq.Phase += z.GlobalPhase - ((z.Phi + z.Lambda) / 2);
    }

    /// <summary>
    /// C-U by the ABC construction (Nielsen &amp; Chuang 4.2): with U = e^{iγ}Rz(φ)Ry(θ)Rz(λ),
    /// A = Rz(φ)Ry(θ/2), B = Ry(−θ/2)Rz(−(φ+λ)/2), C = Rz((λ−φ)/2), ABC = I and AXBXC = e^{−iγ}U;
    /// the phase becomes p(γ) on the control, so no global phase is left over.
    /// </summary>
    public static void SingleControl(GateSequence seq, GateMatrix u, int control, int target)
    {
        var z = ZyzAngles.Of(u);
        Rotation(seq, "rz", (z.Lambda - z.Phi) / 2, target);
        seq.Cx(control, target);
        Rotation(seq, "rz", -(z.Phi + z.Lambda) / 2, target);
        Rotation(seq, "ry", -z.Theta / 2, target);
        seq.Cx(control, target);
        Rotation(seq, "ry", z.Theta / 2, target);
        Rotation(seq, "rz", z.Phi, target);
        Rotation(seq, "p", z.GlobalPhase, control);
    }

    /// <summary>The standard Toffoli network: 6 cx, 7 T/T†, 2 H; exact.</summary>
    public static void Ccx(GateSequence seq, int a, int b, int c)
    {
        seq.Add("h", c);
        seq.Cx(b, c);
        seq.Add("tdg", c);
        seq.Cx(a, c);
        seq.Add("t", c);
        seq.Cx(b, c);
        seq.Add("tdg", c);
        seq.Cx(a, c);
        seq.Add("t", b);
        seq.Add("t", c);
        seq.Add("h", c);
        seq.Cx(a, b);
        seq.Add("t", a);
        seq.Add("tdg", b);
        seq.Cx(a, b);
    }

    /// <summary>
    /// Λₖ(U) without ancillas (Barenco et al. 1995, lemma 7.5): with V² = U,
    /// Λₖ(U) = Λₖ₋₁(V)[c₁…cₖ₋₁; t] · Λₖ₋₁(X)[…; cₖ] · C-V†[cₖ; t] · Λₖ₋₁(X)[…; cₖ] · C-V[cₖ; t].
    /// Gate count grows about 3ᵏ, fine for the few controls real circuits carry.
    /// </summary>
    public static void MultiControl(GateSequence seq, GateMatrix u, ReadOnlySpan<int> controls, int target)
    {
        switch (controls.Length)
        {
            case 0:
                OneQubit(seq, u, target);
                return;
            case 1:
                SingleControl(seq, u, controls[0], target);
                return;
            case 2 when TwoByTwo.IsPauliX(u):
                Ccx(seq, controls[0], controls[1], target);
                return;
        }
        var v = TwoByTwo.SquareRoot(u);
        var rest = controls[..^1];
        int last = controls[^1];
        SingleControl(seq, v, last, target);
        MultiControl(seq, GateLibrary.X, rest, last);
        SingleControl(seq, v.Adjoint(), last, target);
        MultiControl(seq, GateLibrary.X, rest, last);
        MultiControl(seq, v, rest, target);
    }

    // Rotations by exactly zero are identities; leaving them out keeps the output readable.
    private static void Rotation(GateSequence seq, string name, double angle, int qubit)
    {
        if (angle != 0)
        {
            seq.Add(name, angle, qubit);
        }
    }
}
