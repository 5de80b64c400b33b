using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;
using Qdc.Tests.TestSupport;

namespace Qdc.Benchmarks.Suites;

/// <summary>The QASMBench circuits of the reference tables, as the front end reads them from ../shared/corpus.</summary>
internal static class QasmBenchCircuits
{
    /// <summary>The rows of reference section 2: each circuit and the best published ebits at k = 2, 3, 4.</summary>
    public static readonly (string Name, double[] Best)[] Rows =
    [
        ("qft_n29", [14, 27, 39]),
        ("qft_n63", [15, 28, 47]),
        ("ghz_n40", [1, 2, 3]),
        ("ghz_n78", [1, 2, 3]),
        ("cat_n35", [1, 2, 3]),
        ("cat_n65", [1, 2, 3]),
        ("adder_n28", [2.6, 2, 8.2]),
        ("adder_n64", [3, 8, 9]),
        ("dnn_n33", [4, 8.2, 12.6]),
        ("dnn_n51", [4, 10, 15]),
        ("ising_n34", [1, 2, 3]),
        ("ising_n42", [1, 2, 3]),
        ("ising_n66", [1, 2, 3]),
        ("ising_n98", [1, 2, 3]),
    ];

    /// <summary>The named circuit (its untranspiled file), or null when the corpus does not hold it.</summary>
    public static Circuit? Load(string name)
    {
        var dir = Path.Combine(RepoPaths.Shared, "corpus", "qasmbench", "large", name);
        var file = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.qasm").Where(f => !f.Contains("transpiled", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        return file is null ? null : QasmFrontEnd.Load(file, QasmOptions.Default, new DiagnosticBag()) ?? throw new InvalidDataException(file);
    }
}
