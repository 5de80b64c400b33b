using System.Numerics;
using Qdc.Simulation.Kernels;

namespace Qdc.Simulation;

/// <summary>
/// Gathers runs of unconditional gates into blocks on at most <c>maxQubits</c> qubits, each
/// multiplied into one matrix and applied in one sweep of the state. A gate joins the latest block
/// on any of its qubits when the union stays small enough: nothing after that block touches the
/// gate's qubits, so moving the gate there keeps the circuit's meaning. One-qubit gates that come
/// before any block on their qubit wait and join the first block that reaches it.
/// </summary>
internal static class GateFuser
{
    public static List<CompiledGate> Fuse(IReadOnlyList<CompiledGate> gates, int maxQubits)
    {
        if (maxQubits < 2)
        {
            return [.. gates];
        }
        var blocks = new List<Block>();
        var last = new Dictionary<int, Block>();
        var pending = new SortedDictionary<int, List<CompiledGate>>();
        foreach (var g in gates)
        {
            if (g.Qubits.Length == 1)
            {
                int q = g.Qubits[0];
                if (last.TryGetValue(q, out var b))
                {
                    b.Add(g);
                }
                else
                {
                    (pending.TryGetValue(q, out var list) ? list : pending[q] = []).Add(g);
                }
                continue;
            }
            var waiting = new List<CompiledGate>();
            foreach (var q in g.Qubits)
            {
                if (pending.Remove(q, out var list))
                {
                    waiting.AddRange(list);
                }
            }
            Block target;
            if (g.Qubits.Length > maxQubits)
            {
                // A gate too large to fuse keeps its own (often specialised) kernel.
                foreach (var w in waiting)
                {
                    var own = new Block(blocks.Count);
                    own.Add(w);
                    blocks.Add(own);
                }
                target = new Block(blocks.Count);
                blocks.Add(target);
                waiting.Clear();
            }
            else
            {
                Block? latest = null;
                foreach (var q in g.Qubits)
                {
                    if (last.TryGetValue(q, out var b) && (latest is null || b.Index > latest.Index))
                    {
                        latest = b;
                    }
                }
                if (latest is not null && latest.UnionSize(g.Qubits) <= maxQubits)
                {
                    target = latest;
                }
                else
                {
                    target = new Block(blocks.Count);
                    blocks.Add(target);
                }
            }
            foreach (var w in waiting)
            {
                target.Add(w);
            }
            target.Add(g);
            foreach (var q in g.Qubits)
            {
                last[q] = target;
            }
        }
        var result = blocks.Select(b => b.Compile()).ToList();
        foreach (var (_, list) in pending)
        {
            var b = new Block(0);
            foreach (var g in list)
            {
                b.Add(g);
            }
            result.Add(b.Compile());
        }
        return result;
    }

    private sealed class Block(int index)
    {
        private readonly List<int> _qubits = [];
        private readonly List<CompiledGate> _gates = [];

        public int Index { get; } = index;

        public int UnionSize(int[] qubits) => _qubits.Count + qubits.Count(q => !_qubits.Contains(q));

        public void Add(CompiledGate g)
        {
            foreach (var q in g.Qubits)
            {
                if (!_qubits.Contains(q))
                {
                    _qubits.Add(q);
                }
            }
            _gates.Add(g);
        }

        public CompiledGate Compile()
        {
            if (_gates.Count == 1)
            {
                return _gates[0];
            }
            var qubits = _qubits.Order().ToArray();
            int d = 1 << qubits.Length;
            var m = new Complex[d * d];
            for (int i = 0; i < d; i++)
            {
                m[(i * d) + i] = Complex.One;
            }
            foreach (var g in _gates)
            {
                var pos = g.Qubits.Select(q => Array.IndexOf(qubits, q)).ToArray();
                MultiplyLeft(m, d, g.Matrix, pos);
            }
            return CompiledGate.FromLocal(qubits, m);
        }

        /// <summary>m ← g·m, with g acting on the block's local bits <paramref name="pos"/>.</summary>
        private static void MultiplyLeft(Complex[] m, int d, Complex[] g, int[] pos)
        {
            int gd = 1 << pos.Length;
            var offsets = Bits.Offsets(pos);
            var sorted = pos.Order().ToArray();
            var buf = new Complex[gd];
            for (int col = 0; col < d; col++)
            {
                for (long j = 0; j < d >> pos.Length; j++)
                {
                    long b = Bits.Insert(j, sorted);
                    for (int c = 0; c < gd; c++)
                    {
                        buf[c] = m[((b + offsets[c]) * d) + col];
                    }
                    for (int r = 0; r < gd; r++)
                    {
                        var acc = Complex.Zero;
                        for (int c = 0; c < gd; c++)
                        {
                            acc += g[(r * gd) + c] * buf[c];
                        }
                        m[((b + offsets[r]) * d) + col] = acc;
                    }
                }
            }
        }
    }
}
