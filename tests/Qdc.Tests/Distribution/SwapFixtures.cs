using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;

namespace Qdc.Tests.Distribution;

/// <summary>Hand-made placements where copies and teleports cross QPUs that have none of the run's gates.</summary>
internal static class SwapFixtures
{
    public static readonly DistributionOptions Auto = new() { Strategy = DistributionStrategy.Auto };

    /// <summary>
    /// q0 on QPU <paramref name="home"/> meets each further qubit, which lives on its own QPU, in
    /// one diagonal run (cz, cp): the run's copies go to those QPUs and nowhere else.
    /// </summary>
    public static Placement Copies(int qpus, int home, params int[] others)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 1 + others.Length);
        b.Gate("ry", [0.7], 0);
        var gates = new List<GatePlacement>();
        for (int i = 0; i < others.Length; i++)
        {
            b.Gate("ry", [0.3 + (0.2 * i)], i + 1);
        }
        int op = 1 + others.Length;
        for (int i = 0; i < others.Length; i++)
        {
            b.Gate("cz", 0, i + 1).Gate("cp", [0.9 - (0.1 * i)], i + 1, 0);
            gates.Add(new(op++, others[i], GateRealization.Telegate));
            gates.Add(new(op++, others[i], GateRealization.Telegate));
        }
        b.Gate("rx", [0.4], 0);
        var source = b.Build();
        int[] qpuOf = [home, .. others];
        long[] loads = [.. Enumerable.Range(0, qpus).Select(p => (long)qpuOf.Count(x => x == p))];
        var graph = CircuitHypergraph.Build(source);
        var placement = new Placement(source, [.. qpuOf], [.. gates], 0, [.. loads], graph);
        return placement;
    }

    /// <summary>The program with the conditioned gate of this name on this clbit removed (a broken swap correction).</summary>
    public static Circuit WithoutCorrection(DistributedProgram program, string gate, int clbit)
    {
        var ops = program.Circuit.Operations;
        int at = Enumerable.Range(0, ops.Length).Single(i => ops[i] is GateOperation { Condition: { } c } g && g.Gate.Name == gate && c.Clbits.Contains(clbit));
        return program.Circuit.WithOperations(ops.RemoveAt(at));
    }
}
