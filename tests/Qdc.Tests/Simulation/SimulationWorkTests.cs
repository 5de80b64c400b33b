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
        var (updates, peak, seconds) = SimulationWork.PerRun(b.Build(), [0]);
        Assert.Equal(16, updates);
        Assert.Equal(2, peak);
        Assert.Equal(16 * 0.25e-9, seconds, 15);
    }

    /// <summary>A state past L3 costs each sweep a trip to memory: six times the time per amplitude.</summary>
    [Fact]
    public void SweepsOfStatesPastTheCacheCostMore()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 23);
        b.Gate("x", 21);
        b.Gate("x", 22);
        var (_, _, seconds) = SimulationWork.PerRun(b.Build(), [.. Enumerable.Range(0, 21)]);
        Assert.Equal((Math.Pow(2, 22) * 1.5e-9) + (Math.Pow(2, 23) * 1.5e-9), seconds, 9);
        var (_, _, cached) = SimulationWork.PerRun(b.Build(), [.. Enumerable.Range(0, 20)]);
        Assert.Equal((Math.Pow(2, 21) * 0.25e-9) + (Math.Pow(2, 22) * 1.5e-9), cached, 9);
    }

    [Fact]
    public void QubitsHoldingInputsAreAliveFromTheStart()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.Gate("x", 3);
        var (updates, peak, _) = SimulationWork.PerRun(b.Build(), [0, 1, 2]);
        Assert.Equal(16, updates);
        Assert.Equal(4, peak);
    }
}
