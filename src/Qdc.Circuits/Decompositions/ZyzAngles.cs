using System.Numerics;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>
/// Euler angles of a one-qubit unitary: U = e^{iγ}·Rz(φ)·Ry(θ)·Rz(λ), with θ in [0, π].
/// </summary>
public readonly record struct ZyzAngles(double Theta, double Phi, double Lambda, double GlobalPhase)
{
    // Below this an entry's phase carries no information, so its angle is chosen as 0.
    private const double Tiny = 1e-14;

    public static ZyzAngles Of(GateMatrix u)
    {
        if (u.Qubits != 1)
        {
            throw new ArgumentException("ZYZ angles need a one-qubit matrix", nameof(u));
        }
        // Split off det(U) = e^{2iγ} so the rest is in SU(2): [[a, −b̄], [b, ā]].
        var det = (u[0, 0] * u[1, 1]) - (u[0, 1] * u[1, 0]);
        double gamma = det.Phase / 2;
        var unphase = Complex.FromPolarCoordinates(1, -gamma);
        var a = u[0, 0] * unphase;
        var b = u[1, 0] * unphase;
        // a = e^{−i(φ+λ)/2}·cos(θ/2), b = e^{i(φ−λ)/2}·sin(θ/2). atan2 of the magnitudes stays
        // accurate near θ = 0 and θ = π, where acos or asin alone would lose digits.
        double theta = 2 * Math.Atan2(b.Magnitude, a.Magnitude);
        double sum = a.Magnitude > Tiny ? -2 * a.Phase : 0;
        double diff = b.Magnitude > Tiny ? 2 * b.Phase : 0;
        return new ZyzAngles(theta, (sum + diff) / 2, (sum - diff) / 2, gamma);
    }

    /// <summary>The matrix these angles describe, phase included.</summary>
    public GateMatrix ToMatrix() =>
        GateLibrary.Rz(Phi).Multiply(GateLibrary.Ry(Theta)).Multiply(GateLibrary.Rz(Lambda))
            .Scale(Complex.FromPolarCoordinates(1, GlobalPhase));
}
