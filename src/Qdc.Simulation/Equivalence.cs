using System.Globalization;
using System.Numerics;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Simulation.Kernels;

namespace Qdc.Simulation;

/// <summary>
/// Checks that a candidate circuit (typically a distributed program) is the same channel as a
/// reference circuit on the mapped qubits: on random input states, and on every measurement branch
/// (or random ones), the candidate's mapped qubits must hold the reference's output up to global
/// phase, with its extra qubits disentangled from them.
/// </summary>
/// <remarks>
/// Final measurements of the reference are ignored (compared is the state just before them), and
/// so are the candidate's, except that a bit either circuit measures before its end keeps every
/// measurement into it in both (<see cref="TerminalMeasurements.StripMatching"/>).
/// A reference with mid-circuit measurements, deterministic resets (e.g. after a measurement) and
/// classically conditioned operations is checked branch by branch: the candidate's clbit i is the
/// reference's clbit i for every reference clbit, each reference branch forces the same outcomes
/// there, and the candidate must reach the reference's state with the reference's probability on
/// every branch of its own further measurements (so the candidate's own measurements must not bear
/// on the reference's outcomes, as network measurements never do). Extra candidate qubits start in |0⟩ and may end
/// in any product state. The candidate is simulated reordered (<see cref="LiveOrder"/>) and
/// compacted (<see cref="QubitCompaction"/>): a qubit measured and then reset or left alone gives
/// up its slot, so only qubits alive at once count, and the order keeps few alive. A failure's
/// branch lists outcomes in the order the check ran them.
/// </remarks>
public static partial class Equivalence
{
    /// <param name="qubitMap">qubitMap[i] is the candidate qubit that holds reference qubit i (at the start, and at the end unless <see cref="EquivalenceOptions.OutputQubitMap"/> says otherwise)</param>
    public static EquivalenceResult Check(Circuit reference, Circuit candidate, IReadOnlyList<int> qubitMap, EquivalenceOptions? options = null)
    {
        options ??= new EquivalenceOptions();
        CheckMap(reference, candidate, qubitMap);
        var outputMap = options.OutputQubitMap ?? qubitMap;
        CheckMap(reference, candidate, outputMap);
        var refOps = UnitaryPart(reference);
        if (refOps is null)
        {
            (reference, candidate) = TerminalMeasurements.StripMatching(reference, candidate);
        }
        candidate = LiveOrder.Reorder(candidate, [.. qubitMap]);
        var compact = QubitCompaction.Compact(candidate, [.. qubitMap], [.. outputMap]);
        if (compact.Circuit.QubitCount < candidate.QubitCount)
        {
            qubitMap = [.. qubitMap.Select(q => compact.SlotAtStart[q])];
            outputMap = [.. outputMap.Select(q => compact.SlotAtEnd[q])];
            candidate = compact.Circuit;
        }
        if (refOps is null)
        {
            return CheckBranches(reference, candidate, qubitMap, outputMap, options);
        }
        var sim = options.Simulation;
        if (MemoryGuard.Check(candidate.QubitCount, sim, 2) is { } memory)
        {
            return Refuse(memory.Message);
        }
        int fusion = sim.EffectiveFusion;
        var refProgram = CompiledCircuit.Compile(reference.WithOperations([.. refOps]), fusion);
        var candProgram = CompiledCircuit.Compile(candidate, fusion);
        int events = candidate.Operations.Count(o => o is MeasureOperation or ResetOperation);
        bool exhaustive = IsExhaustive(options, events);
        var rng = new Xoshiro256(options.Seed);
        var map = qubitMap.ToArray();
        var outMap = outputMap.ToArray();
        var extra = ExtraQubits(candidate, outMap);
        int n = reference.QubitCount;
        double worst = 1, meanSum = 0;
        int branches = 0;
        EquivalenceFailure? failure = null;
        int states = Math.Max(1, options.InputStates);
        for (int s = 0; s < states; s++)
        {
            var (description, expected, start) = PrepareInput(s, states, n, candidate.QubitCount, map, rng, sim);
            refProgram.Execute(expected, [], (_, _) => 0);
            var checks = exhaustive
                ? AllBranches(candProgram, start, candidate.ClbitCount).Select(b => Checked(expected, b.State, b.Branch, b.Probability, outMap, extra))
                : RandomBranches(candProgram, start, candidate.ClbitCount, options.BranchesPerState, rng, expected, outMap, extra, sim);
            double weighted = 0, weight = 0;
            foreach (var c in checks)
            {
                branches++;
                double f = c.Fidelity, probability = c.Probability;
                weighted += probability * f;
                weight += probability;
                if (f < worst)
                {
                    worst = f;
                    if (f < 1 - options.Tolerance)
                    {
                        failure = new EquivalenceFailure(description, c.Branch, probability, f, c.Index, c.Want, c.Got);
                    }
                }
            }
            meanSum += weight > 0 ? weighted / weight : 0;
        }
        return new EquivalenceResult(failure is null, worst, meanSum / states, states, branches, exhaustive, failure, null);
    }

    private static bool IsExhaustive(EquivalenceOptions options, int events) =>
        options.Exhaustive == ExhaustiveMode.Always || (options.Exhaustive == ExhaustiveMode.Auto && events <= options.MaxExhaustiveMeasurements);

    /// <summary>The candidate qubits that hold no reference qubit at the end.</summary>
    private static int[] ExtraQubits(Circuit candidate, int[] outMap) => [.. Enumerable.Range(0, candidate.QubitCount).Where(q => !outMap.Contains(q))];

    private static EquivalenceResult Refuse(string message) => new(false, 0, 0, 0, 0, false, null, message);

    internal static void CheckMap(Circuit reference, Circuit candidate, IReadOnlyList<int> map)
    {
        if (map.Count != reference.QubitCount)
        {
            throw new ArgumentException($"the qubit map has {map.Count} entries for {reference.QubitCount} reference qubits", nameof(map));
        }
        if (map.Any(q => (uint)q >= (uint)candidate.QubitCount) || map.Distinct().Count() != map.Count)
        {
            throw new ArgumentException("the qubit map must name distinct candidate qubits", nameof(map));
        }
    }

    /// <summary>The reference's gates with final measurements dropped; null when it is not unitary before them.</summary>
    private static List<Operation>? UnitaryPart(Circuit reference)
    {
        var measured = new HashSet<int>();
        var ops = new List<Operation>();
        foreach (var op in reference.Operations)
        {
            switch (op)
            {
                case BarrierOperation:
                    break;
                case MeasureOperation m when m.Condition is null:
                    measured.Add(m.Qubit);
                    break;
                case GateOperation g when g.Condition is null && !g.Qubits.Any(measured.Contains):
                    ops.Add(g);
                    break;
                default:
                    return null;
            }
        }
        return ops;
    }

    /// <summary>Input state number s, prepared on the reference qubits and on their candidate counterparts.</summary>
    private static (string Description, StateVector Reference, StateVector Candidate) PrepareInput(int s, int states, int n, int candidateQubits, int[] map, Xoshiro256 rng, SimulationOptions sim)
    {
        bool entangled = n > 1 && s >= (states + 1) / 2;
        var prep = entangled ? EntangledPreparation(n, rng) : ProductPreparation(n, rng);
        var reference = StateVector.Zero(n, sim.EffectiveThreads);
        var candidate = StateVector.Zero(candidateQubits, sim.EffectiveThreads);
        foreach (var (g, qs) in prep)
        {
            reference.Apply(g, qs);
            candidate.Apply(g, [.. qs.Select(q => map[q])]);
        }
        return (Describe(s, entangled, prep), reference, candidate);
    }

    private static List<(Gate Gate, int[] Qubits)> ProductPreparation(int n, Xoshiro256 rng)
    {
        var prep = new List<(Gate, int[])>();
        for (int q = 0; q < n; q++)
        {
            prep.Add((RandomU3(rng), [q]));
        }
        return prep;
    }

    /// <summary>A product layer, then layers of CX on random pairs each followed by random rotations.</summary>
    private static List<(Gate Gate, int[] Qubits)> EntangledPreparation(int n, Xoshiro256 rng)
    {
        var prep = ProductPreparation(n, rng);
        for (int layer = 0; layer < Math.Max(2, n); layer++)
        {
            int a = rng.NextInt(n);
            int b = (a + 1 + rng.NextInt(n - 1)) % n;
            prep.Add((Gate.Create("cx"), [a, b]));
            prep.Add((RandomU3(rng), [a]));
            prep.Add((RandomU3(rng), [b]));
        }
        return prep;
    }

    private static Gate RandomU3(Xoshiro256 rng) =>
        Gate.Create("u3", rng.NextDouble() * Math.PI, rng.NextDouble() * 2 * Math.PI, rng.NextDouble() * 2 * Math.PI);

    private static string Describe(int index, bool entangled, List<(Gate Gate, int[] Qubits)> prep)
    {
        var ops = string.Join("; ", prep.Select(p => $"{p.Gate} {string.Join(", ", p.Qubits.Select(q => "r" + q.ToString(CultureInfo.InvariantCulture)))}"));
        return string.Create(CultureInfo.InvariantCulture, $"#{index} ({(entangled ? "entangled" : "product")} state prepared from |0…0⟩ on the reference qubits r0… by: {ops})");
    }

    /// <summary>Every branch with non-zero probability, found depth-first by forcing outcomes.</summary>
    private static IEnumerable<(StateVector State, int[] Branch, double Probability)> AllBranches(CompiledCircuit program, StateVector start, int clbits)
    {
        var stack = new Stack<int[]>();
        stack.Push([]);
        while (stack.Count > 0)
        {
            var prefix = stack.Pop();
            var state = start.Clone();
            var chosen = new List<int>();
            var alternatives = new List<bool>();
            double probability = 1;
            bool possible = program.Execute(state, new bool[clbits], (e, p1) =>
            {
                int o = e < prefix.Length ? prefix[e] : (1 - p1 > Tolerance.ZeroProbability ? 0 : 1);
                chosen.Add(o);
                alternatives.Add(e >= prefix.Length && o == 0 && p1 > Tolerance.ZeroProbability);
                probability *= o == 1 ? p1 : 1 - p1;
                return o;
            });
            if (!possible)
            {
                continue;
            }
            for (int e = chosen.Count - 1; e >= prefix.Length; e--)
            {
                if (alternatives[e])
                {
                    stack.Push([.. chosen.Take(e), 1]);
                }
            }
            yield return (state, [.. chosen], probability);
        }
    }

    /// <summary>One branch's outcome: which it was, its probability, and how it compared.</summary>
    private sealed record BranchCheck(int[] Branch, double Probability, double Fidelity, long Index, Complex Want, Complex Got);

    /// <summary>
    /// Below this many qubits random branches run side by side, one per thread, each state on one
    /// thread: such states sit in cache, where fork and join on every sweep cost more than they save.
    /// </summary>
    private const int ParallelBranchQubits = 22;

    private static BranchCheck Checked(StateVector expected, StateVector state, int[] branch, double probability, int[] outMap, int[] extra)
    {
        var f = Compare(expected, state, outMap, extra, out var index, out var want, out var got);
        return new BranchCheck(branch, probability, f, index, want, got);
    }

    /// <summary>
    /// Random branches, each drawn from its own generator seeded from <paramref name="rng"/> in
    /// order, so the branches and their results do not depend on how many run at once.
    /// </summary>
    private static BranchCheck[] RandomBranches(CompiledCircuit program, StateVector start, int clbits, int count, Xoshiro256 rng, StateVector expected, int[] outMap, int[] extra, SimulationOptions sim)
    {
        count = Math.Max(1, count);
        var seeds = new ulong[count];
        for (int b = 0; b < count; b++)
        {
            seeds[b] = rng.NextUInt64();
        }
        int workers = start.Qubits < ParallelBranchQubits && MemoryGuard.Check(start.Qubits, sim, 2 + start.Threads) is null ? Math.Min(start.Threads, count) : 1;
        var checks = new BranchCheck[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers }, b =>
        {
            var branchRng = new Xoshiro256(seeds[b]);
            var state = start.Clone();
            state.Threads = workers > 1 ? 1 : start.Threads;
            var chosen = new List<int>();
            double probability = 1;
            program.Execute(state, new bool[clbits], (_, p1) =>
            {
                int o = branchRng.NextDouble() < p1 ? 1 : 0;
                chosen.Add(o);
                probability *= o == 1 ? p1 : 1 - p1;
                return o;
            });
            checks[b] = Checked(expected, state, [.. chosen], probability, outMap, extra);
        });
        return checks;
    }

    /// <summary>
    /// ⟨φ|ρ|φ⟩ for ρ the candidate's reduced state on the mapped qubits: 1 exactly when they hold φ
    /// and the extra qubits are in a product with them. Also finds the first amplitude that differs
    /// from φ ⊗ χ, χ being the best-matching state of the extra qubits. Both passes run in fixed
    /// chunks combined in index order, so the result does not depend on the thread count.
    /// </summary>
    private static double Compare(StateVector expected, StateVector actual, int[] map, int[] extra, out long index, out Complex want, out Complex got)
    {
        var mapped = new BitGather(map, actual.Qubits);
        var others = new BitGather(extra, actual.Qubits);
        int width = 1 << extra.Length;
        long length = actual.Length;
        int chunks = (int)((length + Sweep.ReductionChunk - 1) / Sweep.ReductionChunk);
        var parts = new Complex[chunks * width];
        Sweep.Chunks(chunks, actual.Threads, 1, (from, to) =>
        {
            var phi = expected.Amplitudes;
            var psi = actual.Amplitudes;
            for (long c = from; c < to; c++)
            {
                var v = parts.AsSpan((int)c * width, width);
                for (long x = c * Sweep.ReductionChunk, end = Math.Min(length, x + Sweep.ReductionChunk); x < end; x++)
                {
                    if (psi[(int)x] != Complex.Zero)
                    {
                        v[others[x]] += Complex.Conjugate(phi[mapped[x]]) * psi[(int)x];
                    }
                }
            }
        });
        var total = new Complex[width];
        for (int c = 0; c < chunks; c++)
        {
            for (int k = 0; k < width; k++)
            {
                total[k] += parts[(c * width) + k];
            }
        }
        double f = 0;
        foreach (var z in total)
        {
            f += (z.Real * z.Real) + (z.Imaginary * z.Imaginary);
        }
        double scale = 1 / Math.Sqrt(f);
        if (f < 1e-300)
        {
            total[0] = Complex.One; // orthogonal: compare against φ ⊗ |0…0⟩
            scale = 1;
        }
        var first = new long[chunks];
        Sweep.Chunks(chunks, actual.Threads, 1, (from, to) =>
        {
            var phi = expected.Amplitudes;
            var psi = actual.Amplitudes;
            for (long c = from; c < to; c++)
            {
                first[c] = -1;
                for (long x = c * Sweep.ReductionChunk, end = Math.Min(length, x + Sweep.ReductionChunk); x < end; x++)
                {
                    var d = (phi[mapped[x]] * total[others[x]] * scale) - psi[(int)x];
                    if ((d.Real * d.Real) + (d.Imaginary * d.Imaginary) > 1e-12)
                    {
                        first[c] = x;
                        break;
                    }
                }
            }
        });
        index = -1;
        foreach (var x in first)
        {
            if (x >= 0)
            {
                index = x;
                break;
            }
        }
        want = got = Complex.Zero;
        if (index >= 0)
        {
            (want, got) = (expected.Amplitudes[mapped[index]] * total[others[index]] * scale, actual.Amplitudes[(int)index]);
        }
        return Math.Min(1, f);
    }
}
