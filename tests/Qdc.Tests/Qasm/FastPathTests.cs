using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;
using Qdc.Qasm.Syntax;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Qasm;

/// <summary>
/// The fast path for flat files gives exactly what the grammar's full path gives: same circuit
/// on every corpus file, same diagnostics on every bad input (it hands those to the full path).
/// </summary>
public class FastPathTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(RepoPaths.Corpus, "*.qasm", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Corpus, f));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void FastAndFullPathsAgree(string path)
    {
        var file = Path.Combine(RepoPaths.Corpus, path);
        var fastBag = new DiagnosticBag();
        var fullBag = new DiagnosticBag();
        var fast = QasmFrontEnd.Load(file, QasmOptions.Default, fastBag);
        var full = QasmFrontEnd.Load(file, QasmOptions.Default with { FastPath = false }, fullBag);
        Assert.Equal(fullBag.Items.Select(d => d.Format()), fastBag.Items.Select(d => d.Format()));
        Assert.Equal(full is null, fast is null);
        if (full is not null)
        {
            Assert.Equal(full.QuantumRegisters.AsEnumerable(), fast!.QuantumRegisters.AsEnumerable());
            Assert.Equal(full.ClassicalRegisters.AsEnumerable(), fast.ClassicalRegisters.AsEnumerable());
            Assert.Equal(full.GlobalPhase, fast.GlobalPhase);
            Assert.Equal(full.Operations.Length, fast.Operations.Length);
            for (int i = 0; i < full.Operations.Length; i++)
            {
                Assert.True(full.Operations[i].Equals(fast.Operations[i]), $"{path}: operation {i}: {full.Operations[i]} vs {fast.Operations[i]}");
            }
        }
    }

    [Fact]
    public void MostQasmBenchFilesTakeTheFastPath()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "qasmbench"), "*.qasm", SearchOption.AllDirectories).ToList();
        int flat = files.Count(f =>
        {
            var source = new SourceText(f, File.ReadAllText(f));
            return FlatScanner.IsFlat(source, "2.0");
        });
        Assert.True(flat * 2 > files.Count, $"only {flat} of {files.Count} QASMBench files are flat");
        var example = Path.Combine(RepoPaths.Root, "examples", "qft16.qasm");
        Assert.True(FlatScanner.IsFlat(new SourceText(example, File.ReadAllText(example)), "2.0"));
    }

    [Theory]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nfoo q[0];\n")]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncx q[0], q[0];\n")]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nx q[5];\n")]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nrz(1/0) q[0];\n")]
    [InlineData("OPENQASM 2.0\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\n")]
    [InlineData("OPENQASM 2.0;\nqreg Q[2];\n")]
    [InlineData("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[3] c;\nc = measure q;\n")]
    public void BadFlatInputGetsTheFullPathsDiagnostics(string text)
    {
        var fastBag = new DiagnosticBag();
        var fullBag = new DiagnosticBag();
        Assert.Null(QasmFrontEnd.LoadText(text, "t.qasm", QasmOptions.Default, fastBag));
        Assert.Null(QasmFrontEnd.LoadText(text, "t.qasm", QasmOptions.Default with { FastPath = false }, fullBag));
        Assert.NotEmpty(fullBag.Items);
        Assert.Equal(fullBag.Items.Select(d => d.Format()), fastBag.Items.Select(d => d.Format()));
    }

    [Fact]
    public void ParametersEvaluateAsTheGrammarDoes()
    {
        const string body = "qreg q[1];\nrz(-pi/4 + 2*3 - (1/2)) q[0];\nrx(1.5e-3) q[0];\nU(pi, 0, -pi) q[0];\nrz(-0) q[0];\nrz(-0.0) q[0];\nrz(7/2) q[0];\n";
        foreach (var header in new[] { "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n", "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" })
        {
            var text = header + (header.Contains('3') ? body.Replace("qreg q[1]", "qubit[1] q", StringComparison.Ordinal) : body);
            var fast = QasmFrontEnd.LoadText(text, "t.qasm", QasmOptions.Default, new DiagnosticBag())!;
            var full = QasmFrontEnd.LoadText(text, "t.qasm", QasmOptions.Default with { FastPath = false }, new DiagnosticBag())!;
            Assert.Equal(full.Operations.Select(o => ((GateOperation)o).Gate.ToString()), fast.Operations.Select(o => ((GateOperation)o).Gate.ToString()));
        }
    }
}
