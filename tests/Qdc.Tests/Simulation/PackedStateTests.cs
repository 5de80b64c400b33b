using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

/// <summary>
/// The simulator drops measured and reset qubits from its amplitudes (<see cref="PackedState"/>)
/// until a gate needs them again. These runs compare it with the plain way: every operation on
/// the whole state, a measurement collapsing it in place.
/// </summary>
[Collection(SimulationSwitches.Name)]
public class PackedStateTests
{
    [Theory]
    [InlineData(4, 0)]
    [InlineData(6, 1)]
    [InlineData(7, 2)]
    [InlineData(9, 3)]
    [InlineData(9, 4)]
    [InlineData(12, 5)]
    [InlineData(16, 6)]
    public void DroppingMeasuredQubitsLeavesTheFinalStateAndBitsAsCollapsingDoes(int n, int seed)
    {
        var rng = new Random(seed);
        var circuit = DynamicCircuit(n, 40 * n, rng);
        for (ulong run = 0; run < 4; run++)
        {
            var options = new SimulationOptions { Seed = run, Threads = 1 };
            var packed = Simulator.Run(circuit, options);
            var (state, clbits) = Plain(circuit, run);
            Assert.Equal(clbits, packed.Clbits);
            double d = MaxDistance(state.Amplitudes, packed.State!.Amplitudes);
            Assert.True(d < 1e-10, $"run {run}: distance {d}");
            foreach (int threads in new[] { 2, 3 })
            {
                var other = Simulator.Run(circuit, options with { Threads = threads });
                Assert.True(packed.State.Amplitudes.SequenceEqual(other.State!.Amplitudes), $"run {run}, {threads} threads");
            }
        }
    }

    /// <summary>Qubits measured to 1 and never touched again come back as |1⟩, at their own bits.</summary>
    [Fact]
    public void MeasuredQubitsLeftAloneKeepTheirOutcomeInTheFinalState()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 5);
        b.AddClassicalRegister("c", 5);
        b.Gate("x", 0).Gate("x", 3).Gate("h", 4).Gate("cx", 4, 1);
        b.Measure(0, 0).Measure(3, 3);
        var s = Simulator.Run(b.Build(), new SimulationOptions { Seed = 1 }).State!;
        // q0 = q3 = 1, and (|00⟩ + |11⟩)/√2 on q1, q4.
        double h = Math.Sqrt(0.5);
        Assert.Equal(h, s[0b01001].Real, 12);
        Assert.Equal(h, s[0b11011].Real, 12);
        Assert.Equal(1.0, s.NormSquared(), 12);
    }

    /// <summary>
    /// The equivalence check starts from states whose extra qubits are |0⟩ in the middle of the
    /// register; they are dropped at once and must come back in place.
    /// </summary>
    [Fact]
    public void QubitsInZeroAtTheStartAreDroppedAndComeBackInPlace()
    {
        var rng = new Random(7);
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 7);
        b.Gate("h", 1).Gate("cx", 1, 5).Gate("ry", [0.3], 3);
        var prepare = b.Build();
        var more = RandomCircuits.Circuit(7, 60, rng, maxArity: 3);
        var whole = prepare.WithOperations([.. prepare.Operations, .. more.Operations]);
        var expected = DenseReference.Run(whole);
        var start = Simulator.Run(prepare).State!;
        var state = start.Clone();
        CompiledCircuit.Compile(more, 3).Execute(state, [], (_, _) => 0);
        Assert.True(DenseReference.MaxDistance(expected, state.Amplitudes) < 1e-10);
    }

    /// <summary>Random gates with measurements, resets and gates conditioned on measured bits between them.</summary>
    private static Circuit DynamicCircuit(int n, int count, Random rng)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        b.AddClassicalRegister("c", n);
        var names = RandomCircuits.GateNames.Where(g => GateLibrary.Get(g).Qubits <= Math.Min(n, 3)).ToArray();
        for (int i = 0; i < count; i++)
        {
            int q = rng.Next(n);
            switch (rng.Next(10))
            {
                case 0:
                    b.Add(new MeasureOperation(q, rng.Next(n)));
                    break;
                case 1:
                    b.Add(new ResetOperation(q));
                    break;
                case 2:
                    var g = RandomCircuits.RandomGate(names[rng.Next(names.Length)], rng);
                    b.Add(new GateOperation(g, [.. RandomCircuits.RandomQubits(n, g.QubitCount, rng)], new Condition([rng.Next(n)], (ulong)rng.Next(2))));
                    break;
                default:
                    var u = RandomCircuits.RandomGate(names[rng.Next(names.Length)], rng);
                    b.Add(new GateOperation(u, [.. RandomCircuits.RandomQubits(n, u.QubitCount, rng)]));
                    break;
            }
        }
        return b.Build();
    }

    /// <summary>Every operation on the whole state in order, outcomes drawn as the simulator draws them.</summary>
    private static (StateVector State, bool[] Clbits) Plain(Circuit circuit, ulong seed)
    {
        var state = StateVector.Zero(circuit.QubitCount, 1);
        var clbits = new bool[circuit.ClbitCount];
        var rng = new Xoshiro256(seed);
        foreach (var op in circuit.Operations)
        {
            if (op.Condition is { } c && !c.Holds(clbits))
            {
                continue;
            }
            switch (op)
            {
                case GateOperation g:
                    state.Apply(g);
                    break;
                case MeasureOperation or ResetOperation:
                    int q = op.Qubits[0];
                    double p1 = state.ProbabilityOfOne(q);
                    int o = rng.NextDouble() < p1 ? 1 : 0;
                    state.Collapse(q, o, o == 1 ? p1 : 1 - p1);
                    if (op is MeasureOperation m)
                    {
                        clbits[m.Clbit] = o == 1;
                    }
                    else if (o == 1)
                    {
                        state.Apply(Gate.Create("x"), q);
                    }
                    break;
            }
        }
        return (state, clbits);
    }

    private static double MaxDistance(ReadOnlySpan<System.Numerics.Complex> a, ReadOnlySpan<System.Numerics.Complex> b)
    {
        double d = 0;
        for (int i = 0; i < a.Length; i++)
        {
            d = Math.Max(d, (a[i] - b[i]).Magnitude);
        }
        return d;
    }
}
