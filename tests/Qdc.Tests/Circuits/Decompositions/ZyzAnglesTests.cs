using System.Numerics;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Gates;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Circuits.Decompositions;

public class ZyzAnglesTests
{
    private static void AssertRoundTrip(GateMatrix u)
    {
        var z = Decompose.Zyz(u);
        Assert.InRange(z.Theta, 0, Math.PI + 1e-12);
        Assert.True(z.ToMatrix().ApproximatelyEquals(u, 1e-10), $"{z} does not rebuild the matrix");
    }

    [Fact]
    public void RandomUnitariesRoundTripExactlyWithPhase()
    {
        var rng = new SplitMix64(11);
        for (int i = 0; i < 500; i++)
        {
            var u = GateLibrary.U(rng.NextAngle(), rng.NextAngle(), rng.NextAngle()).Scale(Complex.FromPolarCoordinates(1, rng.NextAngle()));
            AssertRoundTrip(u);
        }
    }

    public static TheoryData<double> EdgeThetas() => [0, 1e-15, 1e-9, Math.PI, Math.PI - 1e-15, Math.PI - 1e-9, -Math.PI, 2 * Math.PI];

    [Theory]
    [MemberData(nameof(EdgeThetas))]
    public void AnglesNearZeroAndPiStayAccurate(double theta)
    {
        foreach (var (phi, lambda) in new[] { (0.0, 0.0), (0.3, -1.2), (Math.PI, Math.PI), (-2.5, 0.7) })
        {
            AssertRoundTrip(GateLibrary.U(theta, phi, lambda).Scale(Complex.FromPolarCoordinates(1, 0.9)));
        }
    }

    [Fact]
    public void NamedGatesRoundTrip()
    {
        foreach (var name in new[] { "id", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg" })
        {
            AssertRoundTrip(GateLibrary.Get(name).Matrix([]));
        }
        AssertRoundTrip(GateMatrix.Identity(1).Scale(-1));
        AssertRoundTrip(GateMatrix.Diagonal(Complex.FromPolarCoordinates(1, 2), Complex.FromPolarCoordinates(1, -3)));
    }
}
