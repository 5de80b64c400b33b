using System.Numerics;
using Qdc.Circuits.Gates;
using Qdc.Simulation.Stabilizer;

namespace Qdc.Tests.Simulation.Stabilizer;

public class OneQubitClassTests
{
    [Fact]
    public void ThereAre24AndEachWordClassifiesBackUnderAnyPhase()
    {
        var all = OneQubitClass.All;
        Assert.Equal(24, all.Length);
        Assert.Equal(24, all.Select(c => (c.ImageOfX, c.ImageOfZ)).Distinct().Count());
        Assert.Equal("", all[0].Word);
        foreach (var c in all)
        {
            Assert.True(c.Word.Length <= 6, c.ToString());
            Assert.Same(c, OneQubitClass.Classify(c.Matrix()));
            Assert.Same(c, OneQubitClass.Classify(c.Matrix().Scale(Complex.FromPolarCoordinates(1, 0.7))));
            // The images anticommute and so are different letters.
            Assert.NotEqual(c.ImageOfX.Letter, c.ImageOfZ.Letter);
        }
    }

    [Fact]
    public void EulerAnglesInQuarterTurnsReachEveryClass()
    {
        var seen = new HashSet<OneQubitClass>();
        double[] quarters = [0, Math.PI / 2, Math.PI, 3 * Math.PI / 2, -Math.PI / 2];
        foreach (double a in quarters)
        {
            foreach (double b in quarters)
            {
                foreach (double c in quarters)
                {
                    var cls = OneQubitClass.Classify(Gate.Create("u3", a, b, c).Matrix);
                    Assert.NotNull(cls);
                    seen.Add(cls!);
                }
            }
        }
        Assert.Equal(24, seen.Count);
    }

    [Theory]
    [InlineData("h", "+Z", "+X")]
    [InlineData("s", "+Y", "+Z")]
    [InlineData("sdg", "-Y", "+Z")]
    [InlineData("x", "+X", "-Z")]
    [InlineData("y", "-X", "-Z")]
    [InlineData("z", "-X", "+Z")]
    [InlineData("sx", "+X", "-Y")]
    [InlineData("id", "+X", "+Z")]
    public void NamedGatesMapPaulisAsTheyShould(string name, string x, string z)
    {
        var c = OneQubitClass.Classify(Gate.Create(name).Matrix)!;
        Assert.Equal(x, c.ImageOfX.ToString());
        Assert.Equal(z, c.ImageOfZ.ToString());
        Assert.Equal(name is "s" or "sdg" or "z" or "id", c.IsDiagonal);
    }

    [Theory]
    [InlineData("t", 0)]
    [InlineData("tdg", 0)]
    [InlineData("rz", 1, 0.3)]
    [InlineData("rx", 1, Math.PI / 3)]
    [InlineData("ry", 1, Math.PI / 4)]
    [InlineData("p", 1, 1e-6)]
    [InlineData("u3", 3, Math.PI / 2, 0.1, 0)]
    public void OtherAnglesAreNotClifford(string name, int count, double a = 0, double b = 0, double c = 0) =>
        Assert.Null(OneQubitClass.Classify(Gate.Create(name, [.. new[] { a, b, c }.Take(count)]).Matrix));
}
