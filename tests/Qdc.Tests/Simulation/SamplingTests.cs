using Qdc.Circuits;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

public class SamplingTests
{
    // χ² with 7 degrees of freedom exceeds 29.88 with probability 1e-4.
    private const double ChiSquare7 = 29.88;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CountsFollowTheBornRuleWithinAChiSquareBound(bool midCircuit)
    {
        var circuit = ThreeQubitCircuit(midCircuit);
        const int shots = 20000;
        var result = Simulator.Sample(circuit, shots, seed: 99);
        Assert.True(result.Succeeded);
        Assert.Equal(!midCircuit, result.SampledFinalState);
        Assert.Equal(shots, result.Counts.Values.Sum());
        var state = Simulator.Run(ThreeQubitCircuit(false, measure: false)).State!;
        double chi2 = 0;
        for (int i = 0; i < 8; i++)
        {
            double expected = shots * state[i].Magnitude * state[i].Magnitude;
            var key = Convert.ToString(i, 2).PadLeft(3, '0');
            double observed = result.Counts.GetValueOrDefault(key);
            chi2 += (observed - expected) * (observed - expected) / expected;
        }
        Assert.True(chi2 < ChiSquare7, $"chi2 = {chi2}");
    }

    [Fact]
    public void SameSeedSameCountsAndClbitZeroIsRightmost()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.AddClassicalRegister("c", 3);
        b.Gate("x", 0).Gate("h", 1).Measure(0, 0).Measure(1, 2);
        var a = Simulator.Sample(b.Build(), 500, 5);
        var c = Simulator.Sample(b.Build(), 500, 5);
        Assert.Equal(a.Counts, c.Counts);
        Assert.Equal(["001", "101"], a.Counts.Keys);
        Assert.NotEqual(a.Counts, Simulator.Sample(b.Build(), 500, 6).Counts);
    }

    [Fact]
    public void FortyQubitsAreRefusedWithBytesNeededAndAvailable()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 40);
        b.Gate("h", 39);
        var r = Simulator.Run(b.Build(), new SimulationOptions { SourcePath = "big.qasm" });
        Assert.False(r.Succeeded);
        Assert.Null(r.State);
        Assert.Equal(SimulationCodes.TooManyQubits, r.Error!.Code);
        Assert.Contains("40 qubits", r.Error.Message, StringComparison.Ordinal);
        Assert.Contains("16 TiB needed", r.Error.Message, StringComparison.Ordinal);
        Assert.StartsWith("big.qasm: error QDC0702", r.Error.Format(), StringComparison.Ordinal);
        Assert.False(Simulator.Sample(b.Build(), 10, 1).Succeeded);
    }

    [Fact]
    public void AStateLargerThanTheMemoryLimitIsRefused()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 10);
        var r = Simulator.Run(b.Build(), new SimulationOptions { MemoryLimitBytes = 10000 });
        Assert.Equal(SimulationCodes.OutOfMemory, r.Error!.Code);
        Assert.Contains("16384 bytes", r.Error.Message, StringComparison.Ordinal);
        Assert.Contains("10000 bytes", r.Error.Message, StringComparison.Ordinal);
    }

    private static Circuit ThreeQubitCircuit(bool midCircuit, bool measure = true)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.AddClassicalRegister("c", 3);
        if (midCircuit)
        {
            b.Reset(3); // forces shot-by-shot simulation
        }
        b.Gate("ry", [1.1], 0).Gate("ry", [0.5], 1).Gate("ry", [2.3], 2).Gate("cx", 0, 1).Gate("crx", [0.9], 1, 2);
        if (measure)
        {
            b.Measure(0, 0).Measure(1, 1).Measure(2, 2);
        }
        return b.Build();
    }
}
