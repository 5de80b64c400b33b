using System.Numerics;
using Qdc.Simulation.Kernels;

namespace Qdc.Simulation;

/// <summary>
/// Gathers runs of unconditional gates into blocks, each multiplied into one matrix and applied in
/// one sweep of the state; blocks are emitted in the order of their serial numbers. A block is
/// open on a qubit until a later block touches it, so every touched qubit has exactly one open
/// block, its latest. A gate may join the newest of the blocks open on its qubits, since nothing
/// after that block touches any of them: a block that a cz sealed on one qubit still takes the
/// gates that follow on its others. A gate may also pull in older blocks open on its qubits that
/// are open on all of theirs: nothing after them touches their qubits, so they can move forward
/// to the gate. With <see cref="CostAware"/> each merge must pay by <see cref="FusionCost"/>.
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
        var blocks = new List<Block>();
        var open = new Dictionary<int, Block>();
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
            var plan = new Plan(g, null, [], [.. g.Qubits], g.KernelKind == GateKernelKind.Diagonal, FusionCost.Of(g));
            if (g.Qubits.Length <= maxQubits)
            {
                plan = Cheapest(plan, touching, maxQubits);
            }
            Commit(plan, g, touching, blocks, open);
        }
        return [.. blocks.Where(b => b.Alive).OrderBy(b => b.Serial).Select(b => b.Compile())];
    }

    // The cheaper of a new block and the newest block open on the gate's qubits, each with the older blocks that pay pulled in.
    private static Plan Cheapest(Plan single, List<Block> touching, int maxQubits)
    {
        var fresh = Grow(single, touching, maxQubits);
        if (touching.Count == 0)
        {
            return fresh;
        }
        // Always legal: each of the gate's qubits is untouched or open in a block no newer than this one.
        var latest = touching.MaxBy(b => b.Serial)!;
        var joined = single.Join(latest);
        if (joined.Qubits.Count > maxQubits || (CostAware && joined.Cost > latest.Cost + single.Cost))
        {
            return fresh;
        }
        joined = Grow(joined, touching, maxQubits);
        // Compare whole outcomes: what each leaves unmerged keeps its own cost.
        return joined.Total(touching) <= fresh.Total(touching) ? joined : fresh;
    }

    // Adds the touching blocks that are open on all their qubits, fit, and pay (all older than a plan's base, the newest).
    private static Plan Grow(Plan plan, List<Block> touching, int maxQubits)
    {
        foreach (var b in touching.OrderByDescending(b => b.Gates.Count).ThenBy(b => b.Serial))
        {
            if (b == plan.Base || b.Open.Count != b.Qubits.Count)
            {
                continue;
            }
            var wider = plan.Absorb(b);
            if (wider.Qubits.Count <= maxQubits && (!CostAware || wider.Cost <= plan.Cost + b.Cost))
            {
                plan = wider;
            }
        }
        return plan;
    }

    private static void Commit(Plan plan, CompiledGate g, List<Block> touching, List<Block> blocks, Dictionary<int, Block> open)
    {
        Block target;
        if (plan.Base is { } b)
        {
            target = b;
        }
        else
        {
            target = new Block(blocks.Count);
            blocks.Add(target);
        }
        foreach (var t in touching)
        {
            if (t != target && !plan.Absorbed.Contains(t))
            {
                // The gate comes after this block on these qubits: it stays open on its others.
                foreach (var q in g.Qubits)
                {
                    t.Open.Remove(q);
                }
            }
        }
        // Absorbed blocks are older than the target and share no qubit with anything after them,
        // so their gates commute with everything between: any order among them is right.
        var gatesBefore = plan.Absorbed.OrderBy(a => a.Serial).SelectMany(a => a.Gates).ToList();
        if (gatesBefore.Count > 0)
        {
            target.Gates.InsertRange(0, gatesBefore);
        }
        foreach (var a in plan.Absorbed)
        {
            a.Alive = false;
            target.Open.UnionWith(a.Open);
        }
        target.Gates.Add(g);
        target.Diagonal = plan.Diagonal;
        foreach (var q in plan.Qubits)
        {
            if (!target.Qubits.Contains(q))
            {
                target.Qubits.Add(q);
            }
        }
        target.Open.UnionWith(g.Qubits);
        foreach (var q in target.Open)
        {
            open[q] = target;
        }
    }

    /// <summary>A way to place <see cref="Gate"/>: into <see cref="Base"/> (or a new block), with <see cref="Absorbed"/> pulled in.</summary>
    private sealed record Plan(CompiledGate Gate, Block? Base, List<Block> Absorbed, HashSet<int> Qubits, bool Diagonal, double Cost)
    {
        public Plan Join(Block b) => With(b, Absorbed, b);

        public Plan Absorb(Block b) => With(Base, [.. Absorbed, b], b);

        private Plan With(Block? target, List<Block> absorbed, Block added)
        {
            var qubits = new HashSet<int>([.. Qubits, .. added.Qubits]);
            bool diagonal = Diagonal && added.Diagonal;
            // The gates in the order Commit leaves them.
            var gates = absorbed.OrderBy(a => a.Serial).SelectMany(a => a.Gates).Concat(target?.Gates ?? []).Append(Gate);
            return new(Gate, target, absorbed, qubits, diagonal, Block.CostOf(qubits, diagonal, gates));
        }

        public double Total(List<Block> touching) => Cost + touching.Where(t => t != Base && !Absorbed.Contains(t)).Sum(t => t.Cost);
    }

    private sealed class Block(int serial)
    {
        public int Serial { get; } = serial;

        public bool Alive { get; set; } = true;

        public List<int> Qubits { get; } = [];

        public HashSet<int> Open { get; } = [];

        public List<CompiledGate> Gates { get; } = [];

        /// <summary>Every gate in it is diagonal, so it runs as a diagonal kernel.</summary>
        public bool Diagonal { get; set; } = true;

        public double Cost => Gates.Count == 1 ? FusionCost.Of(Gates[0]) : CostOf(Qubits, Diagonal, Gates);

        /// <summary>
        /// A merged block's cost; a dense two-qubit one's depends on its zeros (the two-term kernel),
        /// so its product is taken, a few 4×4 multiplies.
        /// </summary>
        public static double CostOf(IReadOnlyCollection<int> qubits, bool diagonal, IEnumerable<CompiledGate> gates)
        {
            bool twoTerm = FusionCost.TwoTermPriced && !diagonal && qubits.Count == 2 && DenseKernel.PairBlocks(Product([.. qubits.Order()], gates)) is not null;
            return FusionCost.Block(qubits, diagonal, twoTerm);
        }

        public CompiledGate Compile()
        {
            if (Gates.Count == 1)
            {
                return Gates[0];
            }
            var qubits = Qubits.Order().ToArray();
            return CompiledGate.FromLocal(qubits, Product(qubits, Gates));
        }

        private static Complex[] Product(int[] qubits, IEnumerable<CompiledGate> gates)
        {
            int d = 1 << qubits.Length;
            var m = new Complex[d * d];
            for (int i = 0; i < d; i++)
            {
                m[(i * d) + i] = Complex.One;
            }
            foreach (var g in gates)
            {
                var pos = g.Qubits.Select(q => Array.IndexOf(qubits, q)).ToArray();
                MultiplyLeft(m, d, g.Matrix, pos);
            }
            return m;
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
