using System.Collections.Immutable;
using System.Numerics;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>
/// A one-qubit unitary U = e^{iγ}·Rz(φ)·Ry(θ)·Rz(λ) (its ZYZ angles) rewritten in an Euler basis,
/// with the rotations by zero left out, so an identity becomes no gate at all. The identities used
/// (matrix products, rightmost first): Ry(θ) = Rz(π/2)·Rx(θ)·Rz(−π/2), and, since
/// Rx(−π/2) = Rz(π)·Rx(π/2)·Rz(−π), Ry(θ) = Rz(π)·SX·Rz(θ−π)·SX up to phase.
/// </summary>
internal static class EulerDecomposer
{
    // Angles closer to zero than this are identities for any purpose a program has.
    private const double Tiny = 1e-12;

    public static Decomposition Decompose(GateMatrix u, EulerBasis basis, int qubit, string uName, Condition? condition)
    {
        var z = ZyzAngles.Of(u);
        var seq = new GateSequence(condition);
        double theta = z.Theta, phi = z.Phi, lambda = z.Lambda;
        if (IsZero(theta))
        {
            // Diagonal: one rz whatever the basis (or a u with θ = 0 in the U basis).
            if (basis == EulerBasis.U)
            {
                Rotation3(seq, uName, 0, 0, phi + lambda, qubit);
            }
            else
            {
                Rz(seq, phi + lambda, qubit);
            }
        }
        else
        {
            switch (basis)
            {
                case EulerBasis.U:
                    Rotation3(seq, uName, theta, Normalize(phi), Normalize(lambda), qubit);
                    break;
                case EulerBasis.Zyz:
                    Rz(seq, lambda, qubit);
                    seq.Add("ry", theta, qubit);
                    Rz(seq, phi, qubit);
                    break;
                case EulerBasis.Zxz:
                    Rz(seq, lambda - (Math.PI / 2), qubit);
                    seq.Add("rx", theta, qubit);
                    Rz(seq, phi + (Math.PI / 2), qubit);
                    break;
                case EulerBasis.Zsx or EulerBasis.ZsxX:
                    Zsx(seq, theta, phi, lambda, qubit, basis == EulerBasis.ZsxX);
                    break;
            }
        }
        var d = seq.Build();
        return d with { GlobalPhase = PhaseBetween(u, d.Operations) };
    }

    private static void Zsx(GateSequence seq, double theta, double phi, double lambda, int qubit, bool withX)
    {
        if (IsZero(theta - (Math.PI / 2)) || (withX && IsZero(theta - Math.PI)))
        {
            // Ry(θ) = Rz(π/2)·Rx(θ)·Rz(−π/2), and Rx(π/2) is sx, Rx(π) is x, up to phase.
            Rz(seq, lambda - (Math.PI / 2), qubit);
            seq.Add(IsZero(theta - Math.PI) ? "x" : "sx", qubit);
            Rz(seq, phi + (Math.PI / 2), qubit);
            return;
        }
        Rz(seq, lambda, qubit);
        seq.Add("sx", qubit);
        Rz(seq, theta - Math.PI, qubit);
        seq.Add("sx", qubit);
        Rz(seq, phi + Math.PI, qubit);
    }

    private static void Rz(GateSequence seq, double angle, int qubit)
    {
        double a = Normalize(angle);
        if (!IsZero(a))
        {
            seq.Add("rz", a, qubit);
        }
    }

    private static void Rotation3(GateSequence seq, string name, double theta, double phi, double lambda, int qubit)
    {
        if (!IsZero(theta) || !IsZero(Normalize(phi + lambda)))
        {
            seq.Add(Gate.Create(name, theta, phi, lambda), qubit);
        }
    }

    /// <summary>The angle in (−π, π].</summary>
    private static double Normalize(double angle)
    {
        double a = Math.IEEERemainder(angle, 2 * Math.PI);
        return a <= -Math.PI ? a + (2 * Math.PI) : a;
    }

    private static bool IsZero(double angle) => Math.Abs(angle) < Tiny;

    /// <summary>γ with U = e^{iγ}·(product of the gates), read off the largest entry.</summary>
    private static double PhaseBetween(GateMatrix u, ImmutableArray<GateOperation> ops)
    {
        var product = GateMatrix.Identity(1);
        foreach (var op in ops)
        {
            product = op.Gate.Matrix.Multiply(product);
        }
        int best = 0;
        var target = u.AsSpan();
        for (int i = 1; i < 4; i++)
        {
            if (target[i].Magnitude > target[best].Magnitude)
            {
                best = i;
            }
        }
        return (target[best] / product.AsSpan()[best]).Phase;
    }
}
