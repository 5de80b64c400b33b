using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;
using Qdc.Tests.TestSupport;

namespace Qdc.Benchmarks.Suites;

/// <summary>The QASMBench circuits of the reference tables, as the front end reads them from ../shared/corpus.</summary>
internal static class QasmBenchCircuits
{
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
