using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>The check for references with mid-circuit measurements and classical conditions.</summary>
public static partial class Equivalence
{
    // Branch probabilities of reference and candidate must agree this closely.
    private const double ProbabilityTolerance = 1e-7;

    private sealed record Branch(StateVector State, int[] FreeOutcomes, double Probability, double ForcedProbability, bool[] Clbits, bool Possible, bool NondeterministicReset);

    private static EquivalenceResult CheckBranches(Circuit reference, Circuit candidate, IReadOnlyList<int> qubitMap, IReadOnlyList<int> outputMap, EquivalenceOptions options)
    {
        int sourceBits = reference.ClbitCount;
        if (candidate.ClbitCount < sourceBits)
        {
            return Refuse($"the candidate has {candidate.ClbitCount} clbits, fewer than the reference's {sourceBits} (its clbit i must be the reference's clbit i)");
        }
        var sim = options.Simulation;
        if (MemoryGuard.Check(candidate.QubitCount, sim, 2) is { } memory)
        {
            return Refuse(memory.Message);
        }
        int fusion = sim.EffectiveFusion;
        var refProgram = CompiledCircuit.Compile(reference, fusion);
        var candProgram = CompiledCircuit.Compile(candidate, fusion);
        bool refExhaustive = IsExhaustive(options, reference.Operations.Count(o => o is MeasureOperation or ResetOperation));
        bool candExhaustive = IsExhaustive(options, candidate.Operations.Count(o => o is ResetOperation || (o is MeasureOperation m && m.Clbit >= sourceBits)));
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
            var (description, refStart, candStart) = PrepareInput(s, states, n, candidate.QubitCount, map, rng, sim);
            double weighted = 0, weight = 0;
            foreach (var expected in Explore(refProgram, refStart, reference.ClbitCount, null, refExhaustive, options.BranchesPerState, rng))
            {
                if (expected.NondeterministicReset)
                {
                    return Refuse("the reference resets a qubit whose value is not determined (resets are supported after a measurement of the qubit or on |0⟩)");
                }
                var outcomes = new Dictionary<(int Clbit, int Occurrence), int>();
                var recorded = RecordSourceOutcomes(refProgram, refStart, reference.ClbitCount, expected.FreeOutcomes);
                foreach (var (key, value) in recorded)
                {
                    outcomes[key] = value;
                }
                foreach (var got in Explore(candProgram, candStart, candidate.ClbitCount, (c, k) => c < sourceBits && outcomes.TryGetValue((c, k), out int o) ? o : null, candExhaustive, options.BranchesPerState, rng))
                {
                    branches++;
                    string? detail = null;
                    double f = 0;
                    long index = -1;
                    System.Numerics.Complex want = 0, have = 0;
                    if (!got.Possible)
                    {
                        detail = "the candidate cannot produce the reference's measurement outcomes";
                    }
                    else
                    {
                        f = Compare(expected.State, got.State, outMap, extra, out index, out want, out have);
                        if (Math.Abs(got.ForcedProbability - expected.Probability) > ProbabilityTolerance)
                        {
                            detail = $"the reference's outcomes have probability {expected.Probability:G9} there, the candidate's {got.ForcedProbability:G9}";
                        }
                        else if (!got.Clbits.AsSpan(0, sourceBits).SequenceEqual(expected.Clbits))
                        {
                            detail = "the source clbits end different";
                        }
                    }
                    double score = detail is null ? f : 0;
                    weighted += expected.Probability * got.Probability * score;
                    weight += expected.Probability * got.Probability;
                    if (score < worst)
                    {
                        worst = score;
                        if (score < 1 - options.Tolerance)
                        {
                            failure = new EquivalenceFailure(description, got.FreeOutcomes, got.Probability, score, index, want, have)
                            {
                                Detail = $"reference branch {string.Concat(expected.FreeOutcomes)}{(detail is null ? "" : "; " + detail)}",
                            };
                        }
                    }
                }
            }
            meanSum += weight > 0 ? weighted / weight : 0;
        }
        return new EquivalenceResult(failure is null, worst, meanSum / states, states, branches, refExhaustive && candExhaustive, failure, null);
    }

    /// <summary>Which outcome each measurement of the reference branch wrote, keyed by clbit and occurrence.</summary>
    private static List<((int Clbit, int Occurrence) Key, int Outcome)> RecordSourceOutcomes(CompiledCircuit program, StateVector start, int clbits, int[] outcomes)
    {
        var recorded = new List<((int, int), int)>();
        var occurrences = new Dictionary<int, int>();
        program.Execute(start.Clone(), new bool[clbits], (e, clbit, _) =>
        {
            if (clbit >= 0)
            {
                int k = occurrences.GetValueOrDefault(clbit);
                occurrences[clbit] = k + 1;
                recorded.Add(((clbit, k), outcomes[e]));
            }
            return outcomes[e];
        });
        return recorded;
    }

    /// <summary>
    /// Branches of a program: every one with non-zero probability (depth-first) or random ones.
    /// Measurements that <paramref name="forced"/> names (by clbit and occurrence) take that
    /// outcome and are not branched on; their probability is kept apart.
    /// </summary>
    private static IEnumerable<Branch> Explore(CompiledCircuit program, StateVector start, int clbitCount, Func<int, int, int?>? forced, bool exhaustive, int samples, Xoshiro256 rng)
    {
        var stack = new Stack<int[]>();
        stack.Push([]);
        for (int sample = 0; exhaustive ? stack.Count > 0 : sample < Math.Max(1, samples); sample++)
        {
            var prefix = exhaustive ? stack.Pop() : [];
            var state = start.Clone();
            var clbits = new bool[clbitCount];
            var chosen = new List<int>();
            var alternatives = new List<bool>();
            var occurrences = new Dictionary<int, int>();
            double probability = 1, forcedProbability = 1;
            bool possible = true, nondeterministic = false;
            bool ran = program.Execute(state, clbits, (_, clbit, p1) =>
            {
                if (clbit >= 0 && forced is not null)
                {
                    int k = occurrences.GetValueOrDefault(clbit);
                    occurrences[clbit] = k + 1;
                    if (forced(clbit, k) is int f)
                    {
                        double p = f == 1 ? p1 : 1 - p1;
                        forcedProbability *= p;
                        possible &= p > Tolerance.ZeroProbability;
                        return f;
                    }
                }
                bool both = p1 > Tolerance.ZeroProbability && 1 - p1 > Tolerance.ZeroProbability;
                nondeterministic |= clbit < 0 && both;
                int o;
                if (exhaustive)
                {
                    int free = chosen.Count;
                    o = free < prefix.Length ? prefix[free] : (1 - p1 > Tolerance.ZeroProbability ? 0 : 1);
                    alternatives.Add(free >= prefix.Length && o == 0 && p1 > Tolerance.ZeroProbability);
                }
                else
                {
                    o = rng.NextDouble() < p1 ? 1 : 0;
                }
                chosen.Add(o);
                probability *= o == 1 ? p1 : 1 - p1;
                return o;
            });
            if (exhaustive)
            {
                for (int e = chosen.Count - 1; e >= prefix.Length; e--)
                {
                    if (alternatives[e])
                    {
                        stack.Push([.. chosen.Take(e), 1]);
                    }
                }
            }
            if (!ran && possible)
            {
                continue;
            }
            yield return new Branch(state, [.. chosen], probability, forcedProbability, clbits, possible, nondeterministic);
        }
    }
}
