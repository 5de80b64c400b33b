using MathNet.Numerics.LinearAlgebra;
using Qdc.Circuits;
using Qdc.Simulation;
using Complex = System.Numerics.Complex;

namespace Qdc.Tests.Simulation;

public class SimulatorTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    [InlineData(7, 3)]
    public void RandomCircuitsMatchAnIndependentDenseSimulation(int n, int seed)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 4; trial++)
        {
            var circuit = RandomCircuits.Circuit(n, 60, rng, globalPhase: rng.NextDouble());
            var expected = DenseReference.Run(circuit);
            foreach (var options in AllFusionSettings())
            {
                var result = Simulator.Run(circuit, options);
                double d = DenseReference.MaxDistance(expected, result.State!.Amplitudes);
                Assert.True(d < 1e-10, $"fusion {options.Fusion}/{options.FusionMaxQubits}: distance {d}");
            }
        }
    }

    [Theory]
    [InlineData(10, 2)]
    [InlineData(10, 3)]
    [InlineData(10, 4)]
    [InlineData(12, 5)]
    public void FusionOnAndOffGiveTheSameState(int n, int maxQubits)
    {
        var rng = new Random(n * 100 + maxQubits);
        var circuit = RandomCircuits.Circuit(n, 45 * n, rng, maxArity: 2);
        var off = Simulator.Run(circuit, new SimulationOptions { Fusion = false }).State!;
        var on = Simulator.Run(circuit, new SimulationOptions { FusionMaxQubits = maxQubits }).State!;
        double max = 0;
        for (int i = 0; i < off.Length; i++)
        {
            max = Math.Max(max, (off[i] - on[i]).Magnitude);
        }
        Assert.True(max < 1e-12, $"distance {max}");
    }

    [Fact]
    public void BellStateHasTheExpectedAmplitudesAndBitOrder()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 3);
        b.Gate("x", 2).Gate("h", 0).Gate("cx", 0, 1);
        var state = Simulator.Run(b.Build()).State!;
        double h = 1 / Math.Sqrt(2);
        // Qubit 2 is set (index bit 2 = 4); the Bell pair lives on bits 0 and 1.
        Assert.Equal(h, state[4].Real, 15);
        Assert.Equal(h, state[7].Real, 15);
        Assert.Equal(1.0, state[4].Magnitude * state[4].Magnitude + state[7].Magnitude * state[7].Magnitude, 12);
    }

    [Fact]
    public void MeasurementCollapsesAndFeedsClassicallyControlledGates()
    {
        // h; measure; if (c == 1) x — always ends in |0⟩ whatever the outcome.
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 1);
        b.AddClassicalRegister("c", 1);
        b.Gate("h", 0).Measure(0, 0);
        b.Add(new GateOperation(Qdc.Circuits.Gates.Gate.Create("x"), [0], new Condition([0], 1)));
        var seen = new HashSet<bool>();
        for (ulong seed = 0; seed < 16; seed++)
        {
            var r = Simulator.Run(b.Build(), new SimulationOptions { Seed = seed });
            seen.Add(r.Clbits[0]);
            Assert.Equal(1.0, r.State![0].Magnitude, 12);
        }
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void ResetReturnsAnEntangledQubitToZero()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("h", 0).Gate("cx", 0, 1).Reset(1);
        for (ulong seed = 0; seed < 8; seed++)
        {
            var s = Simulator.Run(b.Build(), new SimulationOptions { Seed = seed }).State!;
            Assert.Equal(0, s[2].Magnitude + s[3].Magnitude, 12);
            Assert.Equal(1.0, s.NormSquared(), 12);
        }
    }

    [Fact]
    public void SameSeedSameRun()
    {
        var rng = new Random(3);
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.AddClassicalRegister("c", 4);
        for (int i = 0; i < 4; i++)
        {
            b.Gate("ry", [rng.NextDouble() * 3], i).Measure(i, i).Gate("h", i);
        }
        var circuit = b.Build();
        var a = Simulator.Run(circuit, new SimulationOptions { Seed = 42 });
        var c = Simulator.Run(circuit, new SimulationOptions { Seed = 42 });
        Assert.Equal(a.Bitstring, c.Bitstring);
        Assert.True(a.State!.Amplitudes.SequenceEqual(c.State!.Amplitudes));
    }

    private static IEnumerable<SimulationOptions> AllFusionSettings()
    {
        yield return new SimulationOptions { Fusion = false };
        for (int k = 2; k <= 5; k++)
        {
            yield return new SimulationOptions { FusionMaxQubits = k };
        }
    }

    internal static Vector<Complex> ToVector(StateVector s) => Vector<Complex>.Build.Dense(s.Amplitudes.ToArray());
}
