using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>
/// Exact decompositions (global phase included) that the later phases need. Every produced gate
/// carries the given classical condition.
/// </summary>
public static class Decompose
{
    /// <summary>U = e^{iγ}·Rz(φ)·Ry(θ)·Rz(λ) for any one-qubit unitary.</summary>
    public static ZyzAngles Zyz(GateMatrix u) => ZyzAngles.Of(u);

    /// <summary>Any one-qubit unitary as a single u3 plus a global phase.</summary>
    public static Decomposition OneQubit(GateMatrix u, int qubit, Condition? condition = null) =>
        Run(condition, s => ControlledGates.OneQubit(s, u, qubit));

    /// <summary>
    /// Any one-qubit unitary in an Euler basis, rotations by zero left out (an identity gives no
    /// gate); <paramref name="uName"/> names the general rotation of <see cref="EulerBasis.U"/>.
    /// </summary>
    public static Decomposition Euler(GateMatrix u, EulerBasis basis, int qubit, Condition? condition = null, string uName = "u") =>
        EulerDecomposer.Decompose(u, basis, qubit, uName, condition);

    /// <summary>cx c, t = h t; cz c, t; h t.</summary>
    public static Decomposition CxViaCz(int control, int target, Condition? condition = null) =>
        Run(condition, s => Conjugated(s, "cz", control, target));

    /// <summary>cz a, b = h b; cx a, b; h b.</summary>
    public static Decomposition CzViaCx(int a, int b, Condition? condition = null) =>
        Run(condition, s => Conjugated(s, "cx", a, b));

    /// <summary>swap a, b = three cx.</summary>
    public static Decomposition Swap(int a, int b, Condition? condition = null) =>
        ToBasis(new GateOperation(Gate.Create("swap"), [a, b], condition));

    /// <summary>The 6-cx Clifford+T Toffoli network.</summary>
    public static Decomposition Ccx(int control1, int control2, int target, Condition? condition = null) =>
        Run(condition, s => ControlledGates.Ccx(s, control1, control2, target));

    /// <summary>Controlled-U for any one-qubit U, into one-qubit gates and two cx.</summary>
    public static Decomposition Controlled(GateMatrix u, int control, int target, Condition? condition = null) =>
        Run(condition, s => ControlledGates.SingleControl(s, u, control, target));

    /// <summary>U on <paramref name="target"/> when every control is 1, into one-qubit gates and cx, no ancillas.</summary>
    public static Decomposition MultiControlled(GateMatrix u, IReadOnlyList<int> controls, int target, Condition? condition = null) =>
        Run(condition, s => ControlledGates.MultiControl(s, u, [.. controls], target));

    /// <summary>
    /// The operation in one-qubit gates, cx and the diagonal two-qubit gates (cz, cp, cu1, crz,
    /// rzz, cphase); a gate already in that set comes back unchanged.
    /// </summary>
    public static Decomposition ToBasis(GateOperation operation) => BasisRules.ToBasis(operation);

    private static void Conjugated(GateSequence s, string twoQubit, int a, int b)
    {
        s.Add("h", b);
        s.Add(Gate.Create(twoQubit), a, b);
        s.Add("h", b);
    }

    private static Decomposition Run(Condition? condition, Action<GateSequence> emit)
    {
        var s = new GateSequence(condition);
        emit(s);
        return s.Build();
    }
}
