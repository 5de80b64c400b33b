using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Gates;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Circuits.Decompositions;

public class NormalizerTests
{
    private static void AssertBasis(Circuit c)
    {
        foreach (var g in c.Operations.OfType<GateOperation>())
        {
            Assert.True(g.Gate.Controls == 0, g.ToString());
            Assert.True(g.Gate.QubitCount == 1 || g.Gate.Name == "cx" || (g.Gate.QubitCount == 2 && g.Gate.IsDiagonal), g.ToString());
            Assert.True(Normalizer.IsBasisGate(g.Gate), g.ToString());
        }
    }

    public static TheoryData<string> AllGates() => [.. GateLibrary.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(AllGates))]
    public void EveryGateWithUpToTwoExtraControlsDecomposesExactly(string name)
    {
        var def = GateLibrary.Get(name);
        var rng = new SplitMix64((ulong)name.GetHashCode(StringComparison.Ordinal));
        for (int controls = 0; controls <= 2 && def.Qubits + controls <= 5; controls++)
        {
            var gate = new Gate(def, [.. Enumerable.Range(0, def.ParameterCount).Select(_ => rng.NextAngle())], controls);
            int n = gate.QubitCount;
            int[] qubits = [.. Enumerable.Range(0, n).Reverse()];
            var d = Decompose.ToBasis(new GateOperation(gate, [.. qubits]));
            Assert.All(d.Operations, o => Assert.True(Normalizer.IsBasisGate(o.Gate), $"{gate}: {o}"));
            Unitaries.AssertEqual(DecomposeTests.UnitaryOf(gate.Matrix, qubits, n), DecomposeTests.UnitaryOf(d, n), what: gate.ToString());
        }
    }

    [Fact]
    public void DiagonalTwoQubitGatesStayWhole()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        foreach (var name in new[] { "cz", "cp", "cu1", "crz", "rzz", "cphase" })
        {
            if (GateLibrary.Get(name).ParameterCount == 0)
            {
                b.Gate(name, 0, 1);
            }
            else
            {
                b.Gate(name, [0.7], 1, 0);
            }
        }
        var c = b.Build();
        Assert.Equal(c.Operations.ToArray(), Normalizer.ToBasis(c).Operations.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void RandomCircuitsKeepTheirUnitary(int seed)
    {
        var c = RandomCircuits.Generate(seed, new RandomCircuitOptions
        {
            Qubits = 5,
            Operations = 40,
            IncludeHiddenGates = true,
            MaxExtraControls = 2,
            BarrierRate = 0.05,
        });
        var n = Normalizer.ToBasis(c);
        AssertBasis(n);
        Unitaries.AssertEqual(Unitaries.Of(c), Unitaries.Of(n), tolerance: 1e-8);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void CxDiagonalCxFoldsIntoOneDiagonalGateExactly(int seed)
    {
        // Controlled phases and ZZ rotations as transpilers write them, among gates that must
        // stop a fold (a non-diagonal gate on the target or control, a measurement) or not (a
        // diagonal on the control, gates elsewhere).
        var rng = new SplitMix64((ulong)seed);
        string[] diagonal = ["rz", "u1", "p", "t", "sdg", "z"];
        string[] breaking = ["h", "rx", "sx"];
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        int blocks = 0;
        for (int i = 0; i < 12; i++)
        {
            int a = rng.Next(4);
            int t = (a + 1 + rng.Next(3)) % 4;
            b.Gate("h", t);
            b.Gate("cx", a, t);
            for (int d = rng.Next(3); d >= 0; d--)
            {
                var name = diagonal[rng.Next(diagonal.Length)];
                var q = rng.Next(3) == 0 ? a : t;
                b.Gate(name, GateLibrary.Get(name).ParameterCount == 0 ? [] : [rng.NextAngle()], q);
            }
            bool broken = rng.Next(4) == 0;
            if (broken)
            {
                var name = breaking[rng.Next(breaking.Length)];
                b.Gate(name, GateLibrary.Get(name).ParameterCount == 0 ? [] : [rng.NextAngle()], rng.Next(2) == 0 ? a : t);
            }
            b.Gate("cx", a, t);
            blocks += broken ? 0 : 1;
        }
        var c = b.Build();
        var n = Normalizer.ToBasis(c);
        AssertBasis(n);
        Unitaries.AssertEqual(Unitaries.Of(c), Unitaries.Of(n), tolerance: 1e-9);
        Assert.True(blocks > 0);
        Assert.Equal(c.Operations.Count(o => o is GateOperation { Gate.Name: "cx" }) - (2 * blocks), n.Operations.Count(o => o is GateOperation { Gate.Name: "cx" }));
    }

    [Fact]
    public void AMeasurementOrConditionInsideTheBlockStopsTheFold()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.AddClassicalRegister("c", 1);
        b.Gate("cx", 0, 1).Gate("rz", [0.3], 1).Measure(0, 0).Gate("cx", 0, 1);
        var c = b.Build();
        Assert.Equal(c.Operations.ToArray(), Normalizer.ToBasis(c).Operations.ToArray());
    }

    [Fact]
    public void CxTwiceIsOnlyAPhase()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("cx", 0, 1).Gate("z", 0).Gate("cx", 0, 1);
        var n = Normalizer.ToBasis(b.Build());
        Assert.Equal(["z"], n.Operations.OfType<GateOperation>().Select(g => g.Gate.Name).ToArray());
    }

    [Fact]
    public void CxZCxIsZOnBothQubits()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        var c = b.Gate("cx", 0, 1).Gate("z", 1).Gate("cx", 0, 1).Build();
        var n = Normalizer.ToBasis(c);
        Assert.All(n.Operations.OfType<GateOperation>(), g => Assert.Single(g.Qubits));
        Unitaries.AssertEqual(Unitaries.Of(c), Unitaries.Of(n));
    }

    [Fact]
    public void ConditionsAndNonGateOperationsSurvive()
    {
        var c = RandomCircuits.Generate(9, new RandomCircuitOptions
        {
            Qubits = 4,
            Clbits = 3,
            Operations = 60,
            MeasureRate = 0.1,
            ConditionRate = 0.4,
            ResetRate = 0.05,
            BarrierRate = 0.05,
        });
        var n = Normalizer.ToBasis(c);
        AssertBasis(n);
        Assert.Equal(
            c.Operations.Where(o => o is not GateOperation).ToArray(),
            n.Operations.Where(o => o is not GateOperation).ToArray());
        // Each source gate's condition reappears on its pieces, so the multiset of conditions of
        // the gates only grows by repetition of the same objects.
        var sourceConditions = c.Operations.OfType<GateOperation>().Select(g => g.Condition).Where(x => x is not null).ToHashSet();
        Assert.All(n.Operations.OfType<GateOperation>().Select(g => g.Condition).Where(x => x is not null), x => Assert.Contains(x, sourceConditions));
        Assert.True(n.Operations.Count(o => o.Condition is not null) >= c.Operations.Count(o => o.Condition is not null));
    }
}
