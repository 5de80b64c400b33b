using System.Diagnostics;
using System.Globalization;
using System.Text;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;
using Qdc.Tests.TestSupport;

namespace Qdc.Benchmarks.Suites;

/// <summary>
/// Parse-and-bind speed of the front end: a generated OpenQASM 2 file of 1,000,000 gate
/// applications on 1,000 qubits, and the largest corpus file. The baseline, measured in the same
/// run, reads the same bytes and splits them into statements, the least any front end must do.
/// </summary>
public sealed class ParseSuite : ISuite
{
    public string Name => "parse";

    public string Description => "front end: gates per second parsing and binding 1M gates (target ≥ 1M/s, < 1 GB)";

    public int Run(string[] args, TextWriter output)
    {
        int gates = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        string file = Path.Combine(Path.GetTempPath(), $"qdc-parse-{gates}.qasm");
        File.WriteAllText(file, Generate(gates, 1000));
        output.WriteLine($"generated {file}: {new FileInfo(file).Length / 1e6:F1} MB, {gates} gate applications on 1000 qubits");
        Measure(file, gates, output);
        var largest = Largest();
        if (largest is not null)
        {
            var bag = new DiagnosticBag();
            int n = QasmFrontEnd.Load(largest, QasmOptions.Default, bag)!.Operations.Length;
            output.WriteLine($"largest corpus file {Path.GetFileName(largest)} ({new FileInfo(largest).Length / 1e6:F1} MB, {n} operations):");
            Measure(largest, n, output);
        }
        File.Delete(file);
        return 0;
    }

    private static void Measure(string file, int operations, TextWriter output)
    {
        // Warm up once so JIT time is not counted, then take the best of three.
        Load(file);
        double best = double.MaxValue, baseline = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            Load(file);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            sw.Restart();
            Baseline(file);
            baseline = Math.Min(baseline, sw.Elapsed.TotalSeconds);
        }
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  qdc: {best:F3} s = {operations / best / 1e6:F2} M operations/s; baseline read+split {baseline:F3} s; ratio {best / baseline:F1}x; peak working set {peak / 1e6:F0} MB"));
    }

    private static void Load(string file)
    {
        var bag = new DiagnosticBag();
        if (QasmFrontEnd.Load(file, QasmOptions.Default, bag) is null)
        {
            throw new InvalidOperationException(string.Join("\n", bag.Items.Select(d => d.Format())));
        }
    }

    private static int Baseline(string file)
    {
        var text = File.ReadAllText(file);
        int statements = 0;
        foreach (var part in text.AsSpan().Split(';'))
        {
            if (!text.AsSpan()[part].IsWhiteSpace())
            {
                statements++;
            }
        }
        return statements;
    }

    private static string Generate(int gates, int qubits)
    {
        var sb = new StringBuilder("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        sb.Append(CultureInfo.InvariantCulture, $"qreg q[{qubits}];\ncreg c[{qubits}];\n");
        var rng = new Random(1);
        for (int i = 0; i < gates; i++)
        {
            int a = rng.Next(qubits), b = (a + 1 + rng.Next(qubits - 1)) % qubits;
            switch (i % 4)
            {
                case 0:
                    sb.Append(CultureInfo.InvariantCulture, $"h q[{a}];\n");
                    break;
                case 1:
                    sb.Append(CultureInfo.InvariantCulture, $"cx q[{a}],q[{b}];\n");
                    break;
                case 2:
                    sb.Append(CultureInfo.InvariantCulture, $"rz({rng.NextDouble() * 6.28:R}) q[{a}];\n");
                    break;
                default:
                    sb.Append(CultureInfo.InvariantCulture, $"cp(pi/{1 + rng.Next(64)}) q[{a}],q[{b}];\n");
                    break;
            }
        }
        return sb.ToString();
    }

    private static string? Largest() =>
        Directory.Exists(RepoPaths.Corpus)
            ? Directory.EnumerateFiles(RepoPaths.Corpus, "*.qasm", SearchOption.AllDirectories).MaxBy(f => new FileInfo(f).Length)
            : null;
}
