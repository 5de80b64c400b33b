using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

/// <summary>
/// Cache blocking must not change a single bit: blocked runs against gate-by-gate application, on
/// small local sizes so that a 12-qubit state is split many ways, at every fusion width and thread
/// count.
/// </summary>
[Collection(SimulationSwitches.Name)]
public class CacheBlockingTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    public void BlockedRunsAreBitIdenticalToGateByGate(int localQubits)
    {
        var rng = new Random(localQubits);
        var circuit = RandomCircuits.Circuit(12, 300, rng);
        int saved = CacheBlocking.LocalQubits;
        try
        {
            foreach (var fusion in new[] { 0, 2, 3, 4, 5 })
            {
                var options = new SimulationOptions { Fusion = fusion > 0, FusionMaxQubits = Math.Max(fusion, 2), Threads = 1 };
                CacheBlocking.LocalQubits = 64; // never blocks
                var plain = Simulator.Run(circuit, options).State!;
                CacheBlocking.LocalQubits = localQubits;
                foreach (var threads in new[] { 1, 2, 3 })
                {
                    var blocked = Simulator.Run(circuit, options with { Threads = threads }).State!;
                    Assert.True(plain.Amplitudes.SequenceEqual(blocked.Amplitudes), $"fusion {fusion}, {threads} threads");
                }
            }
        }
        finally
        {
            CacheBlocking.LocalQubits = saved;
        }
    }
}
