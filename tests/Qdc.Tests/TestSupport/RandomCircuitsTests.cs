using Qdc.Circuits;
using Qdc.Circuits.Gates;

namespace Qdc.Tests.TestSupport;

public class RandomCircuitsTests
{
    [Fact]
    public void SameSeedSameCircuitOtherSeedOtherCircuit()
    {
        var o = new RandomCircuitOptions { Qubits = 5, Clbits = 2, Operations = 50, MeasureRate = 0.1, ConditionRate = 0.3, MaxExtraControls = 2 };
        var a = RandomCircuits.Generate(42, o);
        var b = RandomCircuits.Generate(42, o);
        var c = RandomCircuits.Generate(43, o);
        Assert.Equal(a.Operations.ToArray(), b.Operations.ToArray());
        Assert.Equal(a.GlobalPhase, b.GlobalPhase);
        Assert.NotEqual(a.Operations.ToArray(), c.Operations.ToArray());
    }

    [Fact]
    public void OptionsAreRespected()
    {
        var plain = RandomCircuits.Generate(1, new RandomCircuitOptions { Qubits = 3, Operations = 200, Libraries = GateLibraries.SpecQelib1 });
        Assert.Equal(200, plain.Operations.Length);
        Assert.All(plain.Operations, op =>
        {
            var g = Assert.IsType<GateOperation>(op);
            Assert.True((g.Gate.Definition.Libraries & GateLibraries.SpecQelib1) != 0, g.ToString());
            Assert.Equal(0, g.Gate.Controls);
            Assert.Null(g.Condition);
            Assert.Equal(g.Qubits.Length, g.Qubits.Distinct().Count());
        });

        var rich = RandomCircuits.Generate(2, new RandomCircuitOptions
        {
            Qubits = 4,
            Clbits = 3,
            Operations = 400,
            MeasureRate = 0.1,
            ConditionRate = 0.2,
            ResetRate = 0.05,
            BarrierRate = 0.05,
            MaxExtraControls = 1,
        });
        Assert.Contains(rich.Operations, o => o is MeasureOperation);
        Assert.Contains(rich.Operations, o => o is ResetOperation);
        Assert.Contains(rich.Operations, o => o is BarrierOperation);
        Assert.Contains(rich.Operations, o => o.Condition is not null);
        Assert.Contains(rich.Operations, o => o is GateOperation { Gate.Controls: 1 });
        Assert.DoesNotContain(rich.Operations, o => o is GateOperation { Gate.Controls: > 1 });
    }
}
