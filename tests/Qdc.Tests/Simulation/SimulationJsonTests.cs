using Qdc.Circuits;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

public class SimulationJsonTests
{
    [Fact]
    public void StatevectorJsonHasSortedKeysAndRoundTripFloats()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("h", 0).Gate("cx", 0, 1);
        var json = SimulationJson.Statevector(Simulator.Run(b.Build()).State!);
        Assert.Equal(
            "{\n  \"amplitudes\": [\n    [0.7071067811865475, 0],\n    [0, 0],\n    [0, 0],\n    [0.7071067811865475, 0]\n  ],\n  \"qubits\": 2\n}\n",
            json);
    }

    [Fact]
    public void CountsJsonIsDeterministic()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.AddClassicalRegister("c", 2);
        b.Gate("h", 0).Gate("cx", 0, 1).Measure(0, 0).Measure(1, 1);
        var a = SimulationJson.Counts(Simulator.Sample(b.Build(), 100, 3), 3);
        var c = SimulationJson.Counts(Simulator.Sample(b.Build(), 100, 3), 3);
        Assert.Equal(a, c);
        Assert.Matches("^\\{\n  \"counts\": \\{\n    \"00\": \\d+,\n    \"11\": \\d+\n  \\},\n  \"seed\": 3,\n  \"shots\": 100\n\\}\n$", a);
    }
}
