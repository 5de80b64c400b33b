using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Distribution;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.TestSupport;

/// <summary>
/// Builds a distributed program by hand, exactly as the lowering writes a telegate: a pair,
/// cat-entangle (cx from the control into the pair's near half, measure it, corrected x on the far
/// half), the gate on the copy, cat-disentangle (h, measure, corrected z on the control). Every
/// QPU has the same data and communication qubits; local gates go in between. For tests and
/// benchmarks that need a program of known shape without partitioning and lowering one.
/// </summary>
internal sealed class CatTelegate(QdcTopology topology, int perQpu, int comm)
{
    private static readonly Gate H = Gate.Create("h"), X = Gate.Create("x"), Z = Gate.Create("z"), Cx = Gate.Create("cx");

    private readonly ImmutableArray<Operation>.Builder _ops = ImmutableArray.CreateBuilder<Operation>();
    private readonly ImmutableArray<EprPair>.Builder _pairs = ImmutableArray.CreateBuilder<EprPair>();
    private readonly long[] _ebits = new long[topology.Links.Length];
    private int _clbits;

    public int Count => _ops.Count;

    private int Width => perQpu + comm;

    public int Data(int qpu, int i) => (qpu * Width) + i;

    public int CommQubit(int qpu, int i) => (qpu * Width) + perQpu + i;

    public void Local(Gate gate, params int[] qubits) => _ops.Add(new GateOperation(gate, [.. qubits]));

    /// <summary>A telegate from data qubit <paramref name="i"/> of QPU <paramref name="from"/> to <paramref name="j"/> of <paramref name="to"/>, on their link, through communication qubit <paramref name="slot"/> on each end.</summary>
    public void Telegate(int from, int i, int to, int j, Gate gate, int slot = 0)
    {
        int copy = Open(from, i, to, slot);
        Local(gate, copy, Data(to, j));
        Close(from, i, to, slot);
    }

    /// <summary>The first half of <see cref="Telegate"/>: the pair and the cat-entangle; returns the copy's qubit on <paramref name="to"/>, for gates until <see cref="Close"/>.</summary>
    public int Open(int from, int i, int to, int slot = 0)
    {
        int link = topology.Links.IndexOf(topology.Links.First(l => l.Joins(from, to)));
        int ca = CommQubit(from, slot), cb = CommQubit(to, slot);
        _pairs.Add(new EprPair(_pairs.Count, link, from, to, ca, cb, _ops.Count));
        _ebits[link]++;
        _ops.Add(new ResetOperation(ca));
        _ops.Add(new ResetOperation(cb));
        Local(H, ca);
        Local(Cx, ca, cb);
        Local(Cx, Data(from, i), ca);
        _ops.Add(new MeasureOperation(ca, _clbits));
        _ops.Add(new GateOperation(X, [cb], new Condition([_clbits++], 1)));
        return cb;
    }

    /// <summary>The second half: the cat-disentangle of the copy <see cref="Open"/> made with the same arguments.</summary>
    public void Close(int from, int i, int to, int slot = 0)
    {
        int cb = CommQubit(to, slot);
        Local(H, cb);
        _ops.Add(new MeasureOperation(cb, _clbits));
        _ops.Add(new GateOperation(Z, [Data(from, i)], new Condition([_clbits++], 1)));
    }

    public DistributedProgram Build()
    {
        int qpus = topology.QpuCount;
        var qregs = ImmutableArray.CreateBuilder<Register>();
        for (int p = 0; p < qpus; p++)
        {
            qregs.Add(new Register($"qpu{p}_data", perQpu, p * Width));
            qregs.Add(new Register($"qpu{p}_comm", comm, (p * Width) + perQpu));
        }
        var circuit = new Circuit(qregs.ToImmutable(), [new Register("net", _clbits, 0)], _ops.ToImmutable());
        int total = qpus * Width;
        return new DistributedProgram(
            circuit,
            [.. Enumerable.Range(0, total).Select(q => q / Width)],
            [.. Enumerable.Range(0, total).Select(q => q % Width >= perQpu)],
            [.. Enumerable.Range(0, qpus).SelectMany(p => Enumerable.Range(0, perQpu).Select(i => Data(p, i)))],
            _pairs.ToImmutable(),
            [.. _ebits],
            [.. Enumerable.Repeat(1, qpus)],
            0);
    }
}
