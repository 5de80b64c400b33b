using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Simulation;
using Qdc.Tests.Distribution;
using Qdc.Tests.TestSupport;
using QdcTopology = Qdc.Compiler.Topology.Topology;
using SplitMix64 = Qdc.Tests.TestSupport.SplitMix64;

namespace Qdc.Tests.Partitioning;

/// <summary>
/// Copies run the way that overlaps between QPUs of the in-order placement: the direction model
/// on figures worked out by hand, the commutation reorder that lets them die young (the same
/// unitary), and what it does to a QFT's schedule.
/// </summary>
public class PipelinedCopiesTests
{
    // A QFT meets every pair: b's qubits that meet a's are all of b's, and the other way round.
    private static (long[,] Forward, long[,] Backward) Everyone(params int[] sizes)
    {
        int k = sizes.Length;
        var forward = new long[k, k];
        var backward = new long[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int b = a + 1; b < k; b++)
            {
                (forward[a, b], backward[a, b]) = (sizes[b], sizes[a]);
            }
        }
        return (forward, backward);
    }

    [Fact]
    public void OnThreeQpusOnlyTheSecondAndThirdCopyBackward()
    {
        // QPU 1's qubits finish one per pair on 0–1 (its forward copies), at 1 … 10. From there,
        // forward copies of QPU 2's 9 qubits would take 9 more (19); backward copies of QPU 1's
        // follow each one of its qubits, so QPU 2 waits only for the last: 11.
        var (forward, backward) = Everyone(10, 10, 9);
        var (choice, finish, forwardFinish) = PipelinedCopies.Directions(forward, backward);
        Assert.False(choice[0, 1]);
        Assert.False(choice[0, 2]);
        Assert.True(choice[1, 2]);
        Assert.Equal(11, finish);
        Assert.Equal(19, forwardFinish);
    }

    [Fact]
    public void OnFourQpusTheLastCopiesForwardWhereBackwardWouldNotHelp()
    {
        // QPU 1 finishes at 8 (spread), QPU 2 at 9 (all at once, after QPU 1's last backward copy).
        // Into QPU 3: from QPU 2 forward takes 9 + 5 = 14, backward 9 + 8 = 17; from QPU 1 backward
        // would finish sooner (9) than forward (13) but costs 8 pairs against 5 and 14 decides anyway.
        var (forward, backward) = Everyone(8, 8, 8, 5);
        var (choice, finish, forwardFinish) = PipelinedCopies.Directions(forward, backward);
        Assert.True(choice[1, 2]);
        Assert.False(choice[0, 1] || choice[0, 2] || choice[0, 3] || choice[1, 3] || choice[2, 3]);
        Assert.Equal(14, finish);
        Assert.Equal(21, forwardFinish);
    }

    [Fact]
    public void DiagonalGatesMoveEarlyUpToWhatTheyDoNotCommuteWith()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 3);
        b.Gate("h", 0);      // 0
        b.Gate("h", 1);      // 1
        b.Gate("cp", [0.5], 1, 2); // 2
        b.Gate("rz", [0.3], 2); // 3
        b.Gate("cz", 0, 2);  // 4: commutes with 2 and 3, not with 0 (h on q0)
        b.Gate("cx", 2, 1);  // 5: cx's target q1 blocks cp(1,2) and h(1)
        var circuit = b.Build();
        var moved = CommutingReorder.Apply(circuit, i => i == 4, _ => false);
        Assert.Equal(["h", "cz", "h", "cp", "rz", "cx"], moved.Operations.Select(o => ((GateOperation)o).Gate.Name));
        var late = CommutingReorder.Apply(circuit, _ => false, i => i == 2);
        // cp(1,2) cannot pass cx(2,1), whose target is q1: it stays before it, after the rz and cz it commutes with.
        Assert.Equal(["h", "h", "rz", "cz", "cp", "cx"], late.Operations.Select(o => ((GateOperation)o).Gate.Name));
    }

    [Fact]
    public void TheReorderKeepsTheUnitary()
    {
        string[] names = ["h", "x", "sx", "cx", "cz", "cp", "rz", "t", "rzz", "ccx", "crz", "swap"];
        for (int seed = 0; seed < 200; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 500);
            int n = 3 + rng.Next(3);
            var b = new CircuitBuilder();
            b.AddQuantumRegister("q", n);
            for (int i = 0; i < 40; i++)
            {
                var def = GateLibrary.Get(names[rng.Next(names.Length)]);
                int[] qubits = [.. Enumerable.Range(0, n).OrderBy(_ => rng.Next(1000)).Take(def.Qubits)];
                double[] angles = [.. Enumerable.Range(0, def.ParameterCount).Select(_ => rng.NextAngle())];
                b.Gate(def.Name, angles, qubits);
            }
            var circuit = b.Build();
            var early = new HashSet<int>(Enumerable.Range(0, 40).Where(_ => rng.Next(3) == 0));
            var late = new HashSet<int>(Enumerable.Range(0, 40).Where(_ => rng.Next(3) == 0));
            var reordered = CommutingReorder.Apply(circuit, early.Contains, late.Contains);
            Assert.Equal(circuit.Operations.Length, reordered.Operations.Length);
            Unitaries.AssertEqual(Unitaries.Of(circuit), Unitaries.Of(reordered), what: $"seed {seed}");
        }
    }

    [Fact]
    public void AColumnOrderQftOnThreeQpusSchedulesNearItsBusiestLink()
    {
        // QFT(29) as QASMBench writes it, on 3 all-to-all QPUs of 10 with 2 communication qubits and
        // 1,000 pairs/s. Forward everywhere it needs 28 pairs and QPU 2's 9 copies to QPU 1 all wait
        // for QPU 1's last qubit (10 ms), so at least 17 ms; with 1–2 backward, 29 pairs and the last
        // backward copy 1 ms after QPU 1's last qubit: 11 ms and a few tens of µs of gates.
        var circuit = ColumnOrderQft(29);
        var topology = DistributionFixtures.AllToAll(3, 10);
        var (pipelined, pipelinedMs) = Compile(circuit, topology, new PartitionOptions { MaxDegreeOfParallelism = 1 });
        var (forward, forwardMs) = Compile(circuit, topology, new PartitionOptions { MaxDegreeOfParallelism = 1, PipelinedCopies = false });
        Assert.Equal(28, forward.Ebits);
        Assert.Equal(29, pipelined.Ebits);
        Assert.True(forwardMs >= 17, $"{forwardMs} ms forward");
        Assert.True(pipelinedMs <= 11.2, $"{pipelinedMs} ms pipelined");
    }

    [Fact]
    public void ThePipelinedPlacementLowersToAnEquivalentProgram()
    {
        // Small enough to simulate: QFT(9) on 3 QPUs of 3 with 2 communication qubits takes the pipelined placement.
        var circuit = ColumnOrderQft(9);
        var topology = DistributionFixtures.AllToAll(3, 3);
        var placement = CircuitPartitioner.Place(circuit, topology, new PartitionOptions { MaxDegreeOfParallelism = 1 })!;
        var source = Normalizer.ToBasis(circuit);
        Assert.False(source.Operations.SequenceEqual(placement.Normalized.Operations), "the pipelined placement was not taken");
        Unitaries.AssertEqual(Unitaries.Of(source), Unitaries.Of(placement.Normalized));
        var program = Distributor.Lower(placement, topology);
        Assert.Equal(placement.Ebits, program.Ebits);
        var r = Equivalence.Check(source, TerminalMeasurements.Strip(program.Circuit), program.DataQubitMap,
            new EquivalenceOptions { Seed = 3, InputStates = 2, BranchesPerState = 2, Exhaustive = ExhaustiveMode.Never });
        Assert.True(r.Equivalent, r.ToString());
    }

    private static (DistributedProgram Program, double Milliseconds) Compile(Circuit circuit, QdcTopology topology, PartitionOptions options)
    {
        var placement = CircuitPartitioner.Place(circuit, topology, options)!;
        var program = Distributor.Lower(placement, topology);
        Assert.Equal(placement.Ebits, program.Ebits);
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions(), out _)!;
        return (program, schedule.MakespanSeconds * 1e3);
    }

    /// <summary>Each qubit meets every earlier one, then takes its Hadamard (QASMBench's order).</summary>
    private static Circuit ColumnOrderQft(int n)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < j; i++)
            {
                b.Gate("cp", [Math.PI / (1 << Math.Min(j - i, 30))], j, i);
            }
            b.Gate("h", j);
        }
        return b.Build();
    }
}
