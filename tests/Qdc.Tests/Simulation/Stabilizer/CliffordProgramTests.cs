using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Simulation;
using Qdc.Simulation.Stabilizer;

namespace Qdc.Tests.Simulation.Stabilizer;

/// <summary>How circuits become tableau operations: runs of one-qubit gates, conditions, the first non-Clifford gate.</summary>
public class CliffordProgramTests
{
    private static Circuit Build(int qubits, Action<CircuitBuilder> body, int clbits = 0) => CliffordEquivalenceTests.Build(qubits, body, clbits);

    [Fact]
    public void ARunIsJudgedByItsProductAndAFailureNamesTheGateToReplace()
    {
        // t·t = s is Clifford; h·t is not, and the t is the gate to blame.
        Assert.NotNull(CliffordProgram.TryCompile(Build(1, b => b.Gate("t", 0).Gate("t", 0)), out _));
        Assert.Null(CliffordProgram.TryCompile(Build(1, b => b.Gate("h", 0).Gate("t", 0).Gate("h", 0)), out int bad));
        Assert.Equal(1, bad);
        Assert.Null(CliffordProgram.TryCompile(Build(2, b => b.Gate("cp", [Math.PI / 2], 0, 1)), out bad));
        Assert.Equal(0, bad);
        // Other gates through their decomposition: rxx(π/2) is Clifford, ccx is not.
        Assert.NotNull(CliffordProgram.TryCompile(Build(2, b => b.Gate("rxx", [Math.PI / 2], 0, 1)), out _));
        Assert.Null(CliffordProgram.TryCompile(Build(3, b => b.Gate("ccx", 0, 1, 2)), out _));
    }

    [Fact]
    public void AConditionIsReadBeforeItsBitIsMeasuredAgain()
    {
        // m = measure q0 (random); x q1 if m; q0 reset, measured again (0) into the same bit; x q1 if
        // the bit. The second x must see the new value: q1 ends as m, not as m ⊕ m.
        var c = Build(2, b =>
        {
            b.Gate("h", 0).Measure(0, 0);
            b.Add(new GateOperation(Gate.Create("x"), [1], new Condition([0], 1)));
            b.Reset(0).Measure(0, 0);
            b.Add(new GateOperation(Gate.Create("x"), [1], new Condition([0], 1)));
        }, clbits: 1);
        var program = CliffordProgram.TryCompile(c, out _)!;
        var rng = new Xoshiro256(4);
        int ones = 0;
        for (int i = 0; i < 16; i++)
        {
            var t = new Tableau(2);
            var outcomes = program.Run(t, new bool[1], rng, out _);
            Assert.Equal(outcomes[0], t.Measure(1, 0, out bool random));
            Assert.False(random);
            ones += outcomes[0];
        }
        Assert.InRange(ones, 1, 15);
    }
}
