using Qdc.Circuits;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

public class SimulationWorkTests
{
    /// <summary>Each operation sweeps 2^live amplitudes; gates raise their qubits, measurements and resets drop theirs.</summary>
    [Fact]
    public void EachOperationCountsTheQubitsAliveWhenItRuns()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 3);
        b.AddClassicalRegister("c", 1);
        b.Gate("h", 0);        // {0}: 2
        b.Gate("cx", 0, 1);    // {0, 1}: 4
        b.Measure(1, 0);       // 4, then {0}
        b.Reset(1);            // 2
        b.Add(new BarrierOperation([0, 1, 2]));
        b.Gate("h", 2);        // {0, 2}: 4
        var (updates, peak) = SimulationWork.PerRun(b.Build(), [0]);
        Assert.Equal(16, updates);
        Assert.Equal(2, peak);
    }

    [Fact]
    public void QubitsHoldingInputsAreAliveFromTheStart()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.Gate("x", 3);
        var (updates, peak) = SimulationWork.PerRun(b.Build(), [0, 1, 2]);
        Assert.Equal(16, updates);
        Assert.Equal(4, peak);
    }
}
