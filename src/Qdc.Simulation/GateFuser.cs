using System.Numerics;
using Qdc.Simulation.Kernels;

namespace Qdc.Simulation;

/// <summary>
/// Gathers runs of unconditional gates into blocks on at most <c>maxQubits</c> qubits, each
/// multiplied into one matrix and applied in one sweep of the state. Every qubit has at most one
/// open block; a gate joins the open blocks on its qubits, merging them when the union stays small
/// enough. Open blocks act on disjoint qubits and nothing later has touched their qubits, so they
/// commute with each other and may be merged or emitted in any order. When the union is too wide
/// the blocks with the fewest gates are closed (emitted) until the rest fit.
/// </summary>
internal static class GateFuser
{
    /// <summary>Merge only where <see cref="FusionCost"/> says one sweep of the merged block is cheaper; off to measure what it changes.</summary>
    internal static bool CostAware { get; set; } = true;

    public static List<CompiledGate> Fuse(IReadOnlyList<CompiledGate> gates, int maxQubits)
    {
        if (maxQubits < 2)
        {
            return [.. gates];
        }
        var result = new List<CompiledGate>();
        var open = new Dictionary<int, Block>();
        int serial = 0;
        void Close(Block b)
        {
            foreach (var q in b.Qubits)
            {
                open.Remove(q);
            }
            result.Add(b.Compile());
        }
        var touching = new List<Block>();
        foreach (var g in gates)
        {
            touching.Clear();
            foreach (var q in g.Qubits)
            {
                if (open.TryGetValue(q, out var b) && !touching.Contains(b))
                {
                    touching.Add(b);
                }
            }
            if (g.Qubits.Length > maxQubits)
            {
                // A gate too large to fuse keeps its own (often specialised) kernel.
                touching.ForEach(Close);
                result.Add(g);
                continue;
            }
            // Keep the blocks holding the most gates while they fit; ties go to the older block.
            touching.Sort((x, y) => x.Gates.Count != y.Gates.Count ? y.Gates.Count.CompareTo(x.Gates.Count) : x.Serial.CompareTo(y.Serial));
            var target = new Block(serial++);
            var union = new List<int>(g.Qubits);
            bool diagonal = g.KernelKind == GateKernelKind.Diagonal;
            double cost = FusionCost.Of(g);
            foreach (var b in touching)
            {
                var merged = union.Concat(b.Qubits.Where(q => !union.Contains(q))).ToList();
                double mergedCost = FusionCost.Block(merged, diagonal && b.Diagonal);
                if (merged.Count <= maxQubits && (!CostAware || mergedCost <= cost + b.Cost))
                {
                    union = merged;
                    diagonal &= b.Diagonal;
                    cost = mergedCost;
                    target.Absorb(b);
                }
                else
                {
                    Close(b);
                }
            }
            target.Add(g);
            foreach (var q in target.Qubits)
            {
                open[q] = target;
            }
        }
        foreach (var b in open.Values.Distinct().OrderBy(b => b.Serial).ToList())
        {
            Close(b);
        }
        return result;
    }

    private sealed class Block(int serial)
    {
        public int Serial { get; } = serial;

        public List<int> Qubits { get; } = [];

        public List<CompiledGate> Gates { get; } = [];

        public bool Diagonal => Gates.TrueForAll(g => g.KernelKind == GateKernelKind.Diagonal);

        public double Cost => Gates.Count == 1 ? FusionCost.Of(Gates[0]) : FusionCost.Block(Qubits, Diagonal);

        public void Add(CompiledGate g)
        {
            foreach (var q in g.Qubits)
            {
                if (!Qubits.Contains(q))
                {
                    Qubits.Add(q);
                }
            }
            Gates.Add(g);
        }

        public void Absorb(Block other) => other.Gates.ForEach(Add);

        public CompiledGate Compile()
        {
            if (Gates.Count == 1)
            {
                return Gates[0];
            }
            var qubits = Qubits.Order().ToArray();
            int d = 1 << qubits.Length;
            var m = new Complex[d * d];
            for (int i = 0; i < d; i++)
            {
                m[(i * d) + i] = Complex.One;
            }
            foreach (var g in Gates)
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
