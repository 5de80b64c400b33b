using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using Qdc.Qasm.NodePrograms;

namespace Qdc.Compiler.Emission;

/// <summary>
/// Cuts a distributed program into one stream per QPU. Each EPR pair's four operations become an
/// <c>epr</c> call on both sides; a barrier across QPUs becomes one per QPU. A condition on a bit
/// whose latest value another QPU measured gets a message: a send on that QPU right after the
/// measurement, and a recv on this one just before the first use. Messages are numbered in the
/// order their uses appear, so the same program always gives the same tags.
/// </summary>
internal static class NodeSplitter
{
    public static NodeStream[] Split(DistributedProgram program, int qpuCount)
    {
        var circuit = program.Circuit;
        var nodes = Enumerable.Range(0, qpuCount).Select(p => new NodeStream(p)).ToArray();
        var local = new int[circuit.QubitCount];
        for (int q = 0; q < circuit.QubitCount; q++)
        {
            var node = nodes[program.QpuOfQubit[q]];
            local[q] = node.DataQubits + node.CommQubits;
            if (program.IsCommQubit[q])
            {
                node.CommQubits++;
            }
            else
            {
                node.DataQubits++;
            }
        }
        var state = new ClbitState(program, nodes);
        var pairAt = program.EprPairs.ToDictionary(p => p.Operation);
        var ops = circuit.Operations;
        for (int i = 0; i < ops.Length; i++)
        {
            if (pairAt.TryGetValue(i, out var pair))
            {
                int qa = program.QpuOfQubit[pair.QubitA], qb = program.QpuOfQubit[pair.QubitB];
                nodes[qa].AddNetwork(NetworkCallKind.Epr, qb, pair.Index, local[pair.QubitA]);
                nodes[qb].AddNetwork(NetworkCallKind.Epr, qa, pair.Index, local[pair.QubitB]);
                i += EprPair.OperationCount - 1;
                continue;
            }
            var op = ops[i];
            var qpus = op.Qubits.Select(q => program.QpuOfQubit[q]).Distinct().Order().ToList();
            if (qpus.Count > 1 && op is not BarrierOperation)
            {
                throw new InvalidOperationException($"operation {i} ({op}) spans QPUs {string.Join(", ", qpus)} but is no EPR pair");
            }
            foreach (int p in qpus)
            {
                var mine = op.Qubits.Where(q => program.QpuOfQubit[q] == p).Select(q => local[q]).ToArray();
                var condition = op.Condition is { } c ? state.Use(c, p) : null;
                if (op is MeasureOperation m)
                {
                    var slot = nodes[p].Add(new NodeStep(new MeasureOperation(mine[0], state.Measured(m.Clbit, p), condition)));
                    state.Wrote(m.Clbit, p, slot);
                    continue;
                }
                nodes[p].Add(new NodeStep(Relocated(op, mine, condition)));
            }
        }
        return nodes;
    }

    private static Operation Relocated(Operation op, int[] qubits, Condition? condition) => op switch
    {
        GateOperation g => new GateOperation(g.Gate, [.. qubits], condition),
        ResetOperation => new ResetOperation(qubits[0], condition),
        BarrierOperation => new BarrierOperation([.. qubits]),
        _ => throw new InvalidOperationException($"unexpected operation {op}"),
    };

    /// <summary>Which QPU holds the latest value of each program clbit, and which QPUs have a copy of it.</summary>
    private sealed class ClbitState(DistributedProgram program, NodeStream[] nodes)
    {
        private readonly int[] _version = new int[program.Circuit.ClbitCount];
        private readonly NodeStream.Slot?[] _writer = new NodeStream.Slot?[program.Circuit.ClbitCount];
        private readonly int[] _writerQpu = new int[program.Circuit.ClbitCount];
        private readonly int[,] _seen = new int[nodes.Length, program.Circuit.ClbitCount];
        private readonly Dictionary<(int Qpu, int Clbit), int> _netLocal = [];
        private int _messages;

        /// <summary>The condition in the node's clbits, after receiving any bit whose latest value is elsewhere.</summary>
        public Condition Use(Condition c, int qpu)
        {
            foreach (int b in c.Clbits)
            {
                if (_version[b] > 0 && _seen[qpu, b] != _version[b])
                {
                    int tag = _messages++;
                    int from = _writerQpu[b];
                    _writer[b]!.After.Add(NodeStep.Network(NetworkCallKind.Send, qpu, tag, Local(b, from)));
                    nodes[qpu].AddNetwork(NetworkCallKind.Recv, from, tag, Local(b, qpu));
                    _seen[qpu, b] = _version[b];
                }
            }
            return new Condition([.. c.Clbits.Select(b => Local(b, qpu))], c.Value, c.Equal);
        }

        public int Measured(int clbit, int qpu)
        {
            if (clbit < program.SourceClbits)
            {
                nodes[qpu].Writes.Add(clbit);
            }
            return Local(clbit, qpu);
        }

        public void Wrote(int clbit, int qpu, NodeStream.Slot slot)
        {
            _version[clbit]++;
            _seen[qpu, clbit] = _version[clbit];
            _writer[clbit] = slot;
            _writerQpu[clbit] = qpu;
        }

        private int Local(int clbit, int qpu)
        {
            if (clbit < program.SourceClbits)
            {
                return clbit;
            }
            if (!_netLocal.TryGetValue((qpu, clbit), out int n))
            {
                n = program.SourceClbits + nodes[qpu].NetClbits++;
                _netLocal[(qpu, clbit)] = n;
            }
            return n;
        }
    }
}
