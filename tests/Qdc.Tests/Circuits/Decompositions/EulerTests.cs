using System.Numerics;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Gates;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Circuits.Decompositions;

public class EulerTests
{
    private static readonly (EulerBasis Basis, string[] Gates)[] Bases =
    [
        (EulerBasis.U, ["u"]),
        (EulerBasis.Zyz, ["rz", "ry"]),
        (EulerBasis.Zxz, ["rz", "rx"]),
        (EulerBasis.Zsx, ["rz", "sx"]),
        (EulerBasis.ZsxX, ["rz", "sx", "x"]),
    ];

    private static GateMatrix RandomOneQubit(SplitMix64 rng) =>
        GateLibrary.U(rng.NextAngle(), rng.NextAngle(), rng.NextAngle()).Scale(Complex.FromPolarCoordinates(1, rng.NextAngle()));

    [Fact]
    public void EveryBasisIsExactWithItsPhaseAndUsesOnlyItsGates()
    {
        var rng = new SplitMix64(11);
        // Random unitaries, and the special angles each basis treats apart (θ = 0, π/2, π).
        var cases = Enumerable.Range(0, 60).Select(_ => RandomOneQubit(rng))
            .Concat([GateLibrary.H, GateLibrary.X, GateLibrary.Sx, GateLibrary.Rz(0.3), GateLibrary.Ry(Math.PI / 2), GateLibrary.U(Math.PI, 0.4, -1.1), GateLibrary.Y])
            .ToList();
        foreach (var (basis, gates) in Bases)
        {
            foreach (var u in cases)
            {
                var d = Decompose.Euler(u, basis, 1);
                Assert.All(d.Operations, o => Assert.Contains(o.Gate.Name, gates));
                Unitaries.AssertEqual(DecomposeTests.UnitaryOf(u, [1], 2), DecomposeTests.UnitaryOf(d, 2), what: $"{basis}");
            }
        }
    }

    [Fact]
    public void IdentitiesVanishAndSpecialAnglesTakeFewerGates()
    {
        foreach (var (basis, _) in Bases)
        {
            Assert.Empty(Decompose.Euler(GateMatrix.Identity(1).Scale(Complex.FromPolarCoordinates(1, 0.7)), basis, 0).Operations);
            Assert.Single(Decompose.Euler(GateLibrary.Rz(0.3), basis, 0).Operations);
        }
        // θ = π/2 needs one sx, θ = π one x; a general rotation two sx.
        Assert.Equal(1, Decompose.Euler(GateLibrary.H, EulerBasis.Zsx, 0).Operations.Count(o => o.Gate.Name == "sx"));
        Assert.Equal(["x"], Decompose.Euler(GateLibrary.X, EulerBasis.ZsxX, 0).Operations.Select(o => o.Gate.Name).Where(n => n != "rz"));
        Assert.Equal(2, Decompose.Euler(GateLibrary.Ry(0.4), EulerBasis.Zsx, 0).Operations.Count(o => o.Gate.Name == "sx"));
    }
}
