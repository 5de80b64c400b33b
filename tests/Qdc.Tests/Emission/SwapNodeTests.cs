using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Emission;
using Qdc.Compiler.Scheduling;
using Qdc.Qasm.NodePrograms;
using Qdc.Tests.Distribution;

namespace Qdc.Tests.Emission;

/// <summary>
/// Swaps in the per-node programs: the QPU between holds the two pair halves and Bell-measures
/// them, sends both bits to the far end, which receives them under the same tags; the programs
/// read back and join into the source again.
/// </summary>
public class SwapNodeTests
{
    private static (DistributedProgram Program, List<NodeProgramSyntax> Nodes, List<NodeProgram> Texts) Emitted(bool scheduled)
    {
        var topology = DistributionFixtures.Line(4, 2);
        var program = Distributor.Lower(SwapFixtures.Copies(4, 0, 3), topology);
        var schedule = scheduled ? Scheduler.Schedule(program, topology, new SchedulerOptions(), out _) : null;
        var bag = new DiagnosticBag();
        var nodes = NodeEmitter.Emit(program, topology, bag, schedule);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return (program, [.. nodes.Select(NodeFixtures.Parse)], [.. nodes]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheQpuBetweenHoldsBothHalvesMeasuresThemAndSendsBothBitsOn(bool scheduled)
    {
        var (program, nodes, _) = Emitted(scheduled);
        Assert.Equal(2, program.Swaps.Length);
        foreach (var swap in program.Swaps)
        {
            var middle = nodes[swap.Qpu];
            var pairs = middle.Calls.Where(c => c.Kind == NetworkCallKind.Epr).ToList();
            Assert.Equal([swap.PairA, swap.PairB], pairs.Select(c => (int)c.Tag));
            Assert.Equal([swap.Qpu - 1, swap.Qpu + 1], pairs.Select(c => c.Peer));
            // Both halves measured (the Bell measurement), on two different qubits, after both pairs.
            var measures = middle.Circuit.Operations.Select((op, i) => (op, i)).Where(x => x.op is MeasureOperation).ToList();
            Assert.Equal(2, measures.Select(m => m.op.Qubits[0]).Distinct().Count());
            Assert.All(measures, m => Assert.True(m.i >= pairs.Max(c => c.Position)));
            Assert.Contains(middle.Circuit.Operations, op => op is GateOperation { Qubits.Length: 2 } g && g.Qubits.Order().SequenceEqual(pairs.Select(c => c.Bit).Order()));
            // Its two bits go to the far end and nowhere else; the far end takes them under the same tags.
            var sends = middle.Calls.Where(c => c.Kind == NetworkCallKind.Send).ToList();
            Assert.Equal(2, sends.Count);
            Assert.All(sends, s => Assert.Equal(swap.FarQpu, s.Peer));
            Assert.Equal(measures.Select(m => ((MeasureOperation)m.op).Clbit).Order(), sends.Select(s => s.Bit).Order());
            var received = nodes[swap.FarQpu].Calls.Where(c => c.Kind == NetworkCallKind.Recv && c.Peer == swap.Qpu).Select(c => c.Tag);
            Assert.Equal(sends.Select(s => s.Tag).Order(), received.Order());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryPairAndMessageHasOnePartnerAndTheJoinedProgramsAreTheSource(bool scheduled)
    {
        var (program, nodes, texts) = Emitted(scheduled);
        var halves = nodes.SelectMany((n, q) => n.Calls.Where(c => c.Kind == NetworkCallKind.Epr).Select(c => (c.Tag, From: q, To: c.Peer))).ToList();
        Assert.Equal(program.EprPairs.Length * 2, halves.Count);
        Assert.All(halves.GroupBy(h => h.Tag), g => Assert.Equal(g.Select(h => (h.From, h.To)).Order(), g.Select(h => (h.To, h.From)).Order()));
        var sends = nodes.SelectMany((n, q) => n.Calls.Where(c => c.Kind == NetworkCallKind.Send).Select(c => (c.Tag, From: q, To: c.Peer))).Order().ToList();
        var recvs = nodes.SelectMany((n, q) => n.Calls.Where(c => c.Kind == NetworkCallKind.Recv).Select(c => (c.Tag, From: c.Peer, To: q))).Order().ToList();
        Assert.Equal(sends, recvs);
        var (joined, bag) = NodeFixtures.Join(texts.Select(n => ($"nodes/{n.FileName}", n.Text)));
        Assert.True(joined is not null, string.Join("\n", bag.Items.Select(d => d.Format())));
        var r = NodeFixtures.Validate(SwapFixtures.Copies(4, 0, 3).Normalized, joined!);
        Assert.True(r.Equivalent, r.ToString());
    }
}
