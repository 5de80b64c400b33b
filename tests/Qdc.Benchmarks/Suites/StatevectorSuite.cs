using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Qdc.Circuits;
using Qdc.Simulation;

namespace Qdc.Benchmarks.Suites;

/// <summary>
/// Random circuits of one- and two-qubit gates (45 per qubit, the shape of qsim's figures in
/// shared/reference section 3), unfused and fused, against the memory-bandwidth floor measured in
/// the same run: a plain in-place read+write sweep over the same complex128 array.
/// Arguments: qubit counts (default 24 26 28), then optionally <c>--threads N</c>.
/// </summary>
public sealed class StatevectorSuite : ISuite
{
    public string Name => "statevector";

    public string Description => "statevector kernels: ns per gate per amplitude, unfused and fused, vs the memory floor";

    public int Run(string[] args, TextWriter output)
    {
        var sizes = new List<int>();
        int threads = 2;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--threads" && i + 1 < args.Length)
            {
                threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
            }
        }
        if (sizes.Count == 0)
        {
            sizes.AddRange([24, 26, 28]);
        }
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"threads {threads}, AVX {Avx.IsSupported}, AVX2 {Avx2.IsSupported}"));
        foreach (int n in sizes)
        {
            if (MemoryGuard.Check(n, new SimulationOptions()) is { } refused)
            {
                output.WriteLine(refused.Message);
                continue;
            }
            var circuit = RandomCircuit(n, 45 * n, new Xoshiro256((ulong)n));
            int gates = circuit.Operations.Length;
            double amps = Math.Pow(2, n);
            var state = StateVector.Zero(n, threads);
            var floors = new List<double>();
            Floor(state, 1, floors); // first touch of the pages, outside the timings
            floors.Clear();
            Floor(state, 5, floors);
            output.WriteLine(string.Create(c, $"{n} qubits, {gates} gates: floor {floors.Min() * 1e3:F1} ms per sweep = {floors.Min() * 1e9 / amps:F3} ns per amplitude"));
            var results = new List<(string Label, double Seconds, int Sweeps, double Compile)>();
            foreach (int fusion in new[] { 0, 2, 3, 4 })
            {
                // The machine may be shared: sample the floor between runs, report best and median.
                Floor(state, 3, floors);
                var sw = Stopwatch.StartNew();
                var program = CompiledCircuit.Compile(circuit, fusion);
                double compile = sw.Elapsed.TotalSeconds;
                sw.Restart();
                program.Execute(state, [], (_, _) => 0);
                results.Add((fusion == 0 ? "unfused" : $"fused ≤{fusion}", sw.Elapsed.TotalSeconds, program.Steps.Count, compile));
            }
            Floor(state, 3, floors);
            floors.Sort();
            double floorNs = floors[0] * 1e9 / amps;
            double medianNs = floors[floors.Count / 2] * 1e9 / amps;
            output.WriteLine(string.Create(c,
                $"  floor over the run ({floors.Count} sweeps): best {floorNs:F3}, median {medianNs:F3} ns per amplitude"));
            foreach (var (label, t, sweeps, compile) in results)
            {
                double ns = t * 1e9 / (gates * amps);
                output.WriteLine(string.Create(c,
                    $"  {label,-9} {t,7:F2} s  {sweeps,5} sweeps  {ns:F4} ns/gate/amp  ratio to best floor {ns / floorNs:F2}, to median {ns / medianNs:F2}  (fusion {compile * 1e3:F0} ms)"));
            }
        }
        return 0;
    }

    /// <summary>Times <paramref name="repeats"/> in-place sweeps (a[i] *= s) on the state's own threads, into <paramref name="times"/>.</summary>
    private static unsafe void Floor(StateVector state, int repeats, List<double> times)
    {
        nint p = (nint)state.Pointer;
        long count = state.Length * 2;
        for (int r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            long per = (count / state.Threads + 3) & ~3L;
            Parallel.For(0, state.Threads, new ParallelOptions { MaxDegreeOfParallelism = state.Threads }, t =>
            {
                double* a = (double*)p;
                long start = t * per, end = Math.Min(count, start + per);
                var s = Vector256.Create(1.0);
                for (long i = start; i < end; i += 4)
                {
                    Avx.Store(a + i, Avx.Multiply(Avx.LoadVector256(a + i), s));
                }
            });
            times.Add(sw.Elapsed.TotalSeconds);
        }
    }

    /// <summary>Half one-qubit gates (h, rx, ry, rz, t, sx, u3), half two-qubit (cx, cz, cp, rzz, iswap-like rxx, swap), on random qubits.</summary>
    private static Circuit RandomCircuit(int n, int gates, Xoshiro256 rng)
    {
        string[] one = ["h", "rx", "ry", "rz", "t", "sx", "u3"];
        string[] two = ["cx", "cz", "cp", "rzz", "rxx", "swap"];
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        for (int i = 0; i < gates; i++)
        {
            bool single = rng.NextInt(2) == 0;
            var name = single ? one[rng.NextInt(one.Length)] : two[rng.NextInt(two.Length)];
            var def = Circuits.Gates.GateLibrary.Get(name);
            var ps = Enumerable.Range(0, def.ParameterCount).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray();
            int a = rng.NextInt(n);
            var gate = new Circuits.Gates.Gate(def, [.. ps]);
            if (single)
            {
                b.Add(new GateOperation(gate, [a]));
            }
            else
            {
                int q = (a + 1 + rng.NextInt(n - 1)) % n;
                b.Add(new GateOperation(gate, [a, q]));
            }
        }
        return b.Build();
    }
}
