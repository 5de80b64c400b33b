using System.Numerics;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>Small matrix facts the decompositions need.</summary>
internal static class TwoByTwo
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// When <paramref name="m"/> is identity except on its last two rows and columns (a one-qubit
    /// gate on the last operand controlled by all the others), that 2×2 block; otherwise null.
    /// </summary>
    public static GateMatrix? ControlledTarget(GateMatrix m)
    {
        int d = m.Dimension, o = d - 2;
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                if (r >= o && c >= o)
                {
                    continue;
                }
                var expected = r == c ? Complex.One : Complex.Zero;
                if ((m[r, c] - expected).Magnitude > Tolerance)
                {
                    return null;
                }
            }
        }
        return GateMatrix.OneQubit(m[o, o], m[o, o + 1], m[o + 1, o], m[o + 1, o + 1]);
    }

    /// <summary>A square root V of a 2×2 unitary (V·V = U): (U + s·I)/t with s² = det U, t² = tr U + 2s.</summary>
    public static GateMatrix SquareRoot(GateMatrix u)
    {
        var det = (u[0, 0] * u[1, 1]) - (u[0, 1] * u[1, 0]);
        var tr = u[0, 0] + u[1, 1];
        var s = Complex.Sqrt(det);
        // Either sign of s gives a root; take the one that keeps t away from zero.
        if ((tr - (2 * s)).Magnitude > (tr + (2 * s)).Magnitude)
        {
            s = -s;
        }
        var t = Complex.Sqrt(tr + (2 * s));
        return GateMatrix.OneQubit((u[0, 0] + s) / t, u[0, 1] / t, u[1, 0] / t, (u[1, 1] + s) / t);
    }

    public static bool IsPauliX(GateMatrix u) => u.ApproximatelyEquals(GateLibrary.X, Tolerance);
}
