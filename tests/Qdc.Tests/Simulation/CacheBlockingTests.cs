using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

/// <summary>
/// Cache blocking plans passes over the gates' dependency DAG, so gates on disjoint qubits may run
/// in another order than gate by gate: blocked runs must match gate-by-gate application up to
/// rounding and a dense reference, give the same bits at every thread count, and the plan must be
/// a topological order of the gates. Small local sizes split a 12-qubit state many ways.
/// </summary>
[Collection(SimulationSwitches.Name)]
public class CacheBlockingTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    public void BlockedRunsMatchGateByGateAndAgreeAcrossThreadCounts(int localQubits)
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
                var first = Simulator.Run(circuit, options).State!;
                double d = MaxDistance(plain.Amplitudes, first.Amplitudes);
                Assert.True(d < 1e-12, $"fusion {fusion}: distance {d}");
                foreach (var threads in new[] { 2, 3 })
                {
                    var blocked = Simulator.Run(circuit, options with { Threads = threads }).State!;
                    Assert.True(first.Amplitudes.SequenceEqual(blocked.Amplitudes), $"fusion {fusion}, {threads} threads");
                }
            }
        }
        finally
        {
            CacheBlocking.LocalQubits = saved;
        }
    }

    /// <summary>Passes of consecutive gates reorder nothing, so they still give gate-by-gate's bits.</summary>
    [Fact]
    public void InOrderPassesAreBitIdenticalToGateByGate()
    {
        var circuit = RandomCircuits.Circuit(12, 300, new Random(3));
        int saved = CacheBlocking.LocalQubits;
        try
        {
            var options = new SimulationOptions { FusionMaxQubits = 3, Threads = 2 };
            CacheBlocking.LocalQubits = 64;
            var plain = Simulator.Run(circuit, options).State!;
            CacheBlocking.LocalQubits = 6;
            CacheBlocking.InOrder = true;
            var blocked = Simulator.Run(circuit, options).State!;
            Assert.True(plain.Amplitudes.SequenceEqual(blocked.Amplitudes));
        }
        finally
        {
            CacheBlocking.LocalQubits = saved;
            CacheBlocking.InOrder = false;
        }
    }

    /// <summary>Chunks copied as vectors (non-temporal stores back) and as plain copies give the same bits.</summary>
    [Fact]
    public void VectorAndPlainChunkCopiesAgree()
    {
        var circuit = RandomCircuits.Circuit(12, 300, new Random(5));
        int saved = CacheBlocking.LocalQubits;
        try
        {
            var options = new SimulationOptions { FusionMaxQubits = 3, Threads = 2 };
            CacheBlocking.LocalQubits = 64;
            var plain = Simulator.Run(circuit, options).State!;
            foreach (int local in new[] { 5, 7 })
            {
                CacheBlocking.LocalQubits = local;
                var vector = Simulator.Run(circuit, options).State!;
                CacheBlocking.VectorCopies = false;
                var copied = Simulator.Run(circuit, options).State!;
                CacheBlocking.VectorCopies = true;
                Assert.True(vector.Amplitudes.SequenceEqual(copied.Amplitudes), $"local {local}");
                Assert.True(MaxDistance(plain.Amplitudes, vector.Amplitudes) < 1e-12, $"local {local}");
            }
        }
        finally
        {
            CacheBlocking.LocalQubits = saved;
            CacheBlocking.VectorCopies = true;
        }
    }

    /// <summary>
    /// Vector loads and non-temporal stores need 64-byte boundaries: a pinned array's data is only
    /// 8-byte aligned (56 mod 64 was seen), so every state must start past its own offset.
    /// </summary>
    [Fact]
    public void EveryStateStartsOnA64ByteBoundary()
    {
        var kept = new List<StateVector>();
        for (int i = 0; i < 200; i++)
        {
            var s = StateVector.Zero(i % 13);
            kept.Add(s);
            kept.Add(s.Clone());
            kept.Add(StateVector.FromAmplitudes(s.Amplitudes));
            // Small arrays of other sizes in between move the next allocation's address.
            kept.Add(StateVector.Zero(i % 3));
        }
        Assert.All(kept, s => Assert.Equal(0, s.Misalignment));
        Assert.All(kept.Where(s => s.Qubits > 0), s => Assert.Equal(1.0, s.NormSquared(), 12));
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(6, 1)]
    public void BlockedRunsMatchADenseReference(int localQubits, int seed)
    {
        var rng = new Random(seed);
        var circuit = RandomCircuits.Circuit(9, 120, rng, globalPhase: rng.NextDouble());
        var expected = DenseReference.Run(circuit);
        int saved = CacheBlocking.LocalQubits;
        try
        {
            CacheBlocking.LocalQubits = localQubits;
            foreach (var fusion in new[] { 0, 3, 5 })
            {
                var options = new SimulationOptions { Fusion = fusion > 0, FusionMaxQubits = Math.Max(fusion, 2), Threads = 2 };
                double d = DenseReference.MaxDistance(expected, Simulator.Run(circuit, options).State!.Amplitudes);
                Assert.True(d < 1e-10, $"fusion {fusion}: distance {d}");
            }
        }
        finally
        {
            CacheBlocking.LocalQubits = saved;
        }
    }

    [Fact]
    public void PlansAreTopologicalOrdersOfTheGates()
    {
        var rng = new Random(11);
        for (int trial = 0; trial < 40; trial++)
        {
            int n = rng.Next(8, 15), local = rng.Next(4, n - 1), fusion = rng.Next(0, 6);
            var gates = Fused(RandomCircuits.Circuit(n, rng.Next(1, 400), rng), fusion);
            var plan = CacheBlocking.Plan(n, gates, local);
            Assert.Null(Invalid(plan, gates, n, local));
            Assert.Equal(Flatten(plan), Flatten(CacheBlocking.Plan(n, gates, local))); // deterministic
        }
    }

    /// <summary>The check above catches a dropped, repeated or misplaced gate, and a gate outside its pass's local set.</summary>
    [Fact]
    public void TheTopologicalCheckRejectsBrokenPlans()
    {
        int n = 12, local = 6;
        var gates = Fused(RandomCircuits.Circuit(n, 300, new Random(5), maxArity: 2), 3);
        var plan = CacheBlocking.Plan(n, gates, local);
        Assert.Null(Invalid(plan, gates, n, local));
        int p = plan.FindIndex(x => x.Gates.Length > 2);
        Assert.True(p >= 0);
        var (run, used) = plan[p];
        List<(int[], bool[]?)> With(int[] g, bool[]? u) => [.. plan.Take(p), (g, u), .. plan.Skip(p + 1)];
        Assert.NotNull(Invalid(With(run[1..], used), gates, n, local));
        Assert.NotNull(Invalid(With([run[0], .. run], used), gates, n, local));
        // A gate moved before its predecessor on a shared qubit.
        int late = Array.FindIndex(run, g => Array.Exists(run, e => e < g && gates[e].Qubits.Intersect(gates[g].Qubits).Any()));
        Assert.True(late > 0);
        Assert.NotNull(Invalid(With([run[late], .. run.Where((_, i) => i != late)], used), gates, n, local));
        // A dependent gate moved into an earlier pass (so before its predecessors there).
        var deps = plan.Skip(p + 1).SelectMany(x => x.Gates).First(g => gates[g].Qubits.Intersect(run.SelectMany(e => gates[e].Qubits)).Any());
        var moved = plan.Select(x => (x.Gates.Where(g => g != deps).ToArray(), x.Local)).Where(x => x.Item1.Length > 0).ToList();
        moved[p] = ([deps, .. run], used);
        Assert.NotNull(Invalid(moved, gates, n, local));
        var narrow = (bool[])used!.Clone();
        narrow[Array.IndexOf(narrow, false)] = true;
        narrow[run.SelectMany(g => gates[g].Qubits).First(q => q >= 3)] = false;
        Assert.NotNull(Invalid(With(run, narrow), gates, n, local));
    }

    /// <summary>On the benchmark's shape of circuit (45 gates per qubit, fused ≤3, 1 MiB chunks), planning only.</summary>
    [Fact]
    public void DagPlanningTakesFarFewerPassesThanConsecutiveRuns()
    {
        int n = 24, local = 16;
        var gates = Fused(RandomCircuits.Circuit(n, 45 * n, new Random(24), maxArity: 2), 3);
        var dag = CacheBlocking.Plan(n, gates, local);
        var inOrder = CacheBlocking.PlanInOrder(n, gates, local);
        Assert.Null(Invalid(dag, gates, n, local));
        Assert.Null(Invalid(inOrder, gates, n, local));
        Assert.True(dag.Count * 4 <= inOrder.Count * 3, $"{dag.Count} passes against {inOrder.Count} in order");
    }

    private static List<CompiledGate> Fused(Qdc.Circuits.Circuit circuit, int fusion) =>
        [.. CompiledCircuit.Compile(circuit, fusion).Steps.Select(s => s.Gate!)];

    private static int[] Flatten(List<(int[] Gates, bool[]? Local)> plan) => [.. plan.SelectMany(x => x.Gates)];

    /// <summary>
    /// Why <paramref name="plan"/> is not a valid plan of <paramref name="gates"/>, or null: every
    /// gate once, each after its predecessor on every qubit, a pass of one gate or of gates whose
    /// qubits are all in its local set of <paramref name="local"/> qubits, 0–2 among them.
    /// </summary>
    private static string? Invalid(List<(int[] Gates, bool[]? Local)> plan, IReadOnlyList<CompiledGate> gates, int n, int local)
    {
        var order = Flatten(plan);
        if (order.Length != gates.Count || order.Distinct().Count() != gates.Count || order.Any(g => g < 0 || g >= gates.Count))
        {
            return $"{order.Length} entries for {gates.Count} gates, {order.Distinct().Count()} distinct";
        }
        var last = Enumerable.Repeat(-1, n).ToArray();
        foreach (var g in order)
        {
            foreach (var q in gates[g].Qubits)
            {
                if (last[q] > g)
                {
                    return $"gate {g} after gate {last[q]} on qubit {q}";
                }
                last[q] = g;
            }
        }
        foreach (var (run, used) in plan)
        {
            if (used is null ? run.Length != 1 : used.Count(u => u) != local || !used[0] || !used[1] || !used[2])
            {
                return $"a pass of {run.Length} gates with a bad local set";
            }
            if (used is not null && run.Any(g => gates[g].Qubits.Any(q => !used[q])))
            {
                return "a gate outside its pass's local set";
            }
        }
        return null;
    }

    private static double MaxDistance(ReadOnlySpan<System.Numerics.Complex> a, ReadOnlySpan<System.Numerics.Complex> b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, (a[i] - b[i]).Magnitude);
        }
        return max;
    }
}
