using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Circuits.Gates;
using Qdc.Qasm;
using Qdc.Qasm.Writing;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Qasm;

/// <summary>Parse(write(c)) is c again: on random circuits and on every loadable corpus file.</summary>
public class WriterRoundTripTests
{
    private static readonly RandomCircuitOptions Mixed = new()
    {
        Qubits = 5,
        Clbits = 3,
        Operations = 60,
        Libraries = GateLibraries.QiskitQelib1 | GateLibraries.StdGates | GateLibraries.Qasm3Builtin,
        IncludeHiddenGates = true,
        MeasureRate = 0.1,
        ConditionRate = 0.2,
        ResetRate = 0.05,
        BarrierRate = 0.05,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void RandomCircuitsRoundTripThroughOpenQasm3(int seed)
    {
        var c = RandomCircuits.Generate(seed, Mixed);
        AssertSame(c, Read(QasmWriter.WriteQasm3(c)));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void RandomCircuitsRoundTripThroughOpenQasm2(int seed)
    {
        var c = RandomCircuits.Generate(seed, Mixed with { Libraries = GateLibraries.QiskitQelib1, IncludeHiddenGates = false, ConditionRate = 0 });
        Assert.Null(QasmWriter.Qasm2Obstacle(c));
        var text = QasmWriter.WriteQasm2(c);
        Assert.StartsWith("OPENQASM 2.0;", text);
        // OpenQASM 2 has no global phase; everything else survives.
        AssertSame(c.WithOperations(c.Operations, 0), Read(text));
    }

    [Fact]
    public void Qasm2IsRefusedWithAReasonWhenTheCircuitNeedsQasm3()
    {
        var c = new CircuitBuilder();
        c.AddQuantumRegister("q", 2);
        c.Gate("cphase", [0.5], 0, 1);
        Assert.Contains("cphase", QasmWriter.Qasm2Obstacle(c.Build()));
        Assert.Throws<InvalidOperationException>(() => QasmWriter.WriteQasm2(c.Build()));
    }

    [Fact]
    public void ConditionsOnWholeRegistersAndSingleBitsAreWrittenReadably()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 1);
        b.AddClassicalRegister("c", 2);
        b.Add(new GateOperation(Gate.Create("x"), [0], new Condition([0, 1], 2)));
        b.Add(new GateOperation(Gate.Create("z"), [0], new Condition([1], 1, equal: false)));
        var text = QasmWriter.WriteQasm3(b.Build());
        Assert.Contains("if (c == 2) x q[0];", text);
        Assert.Contains("if (c[1] != 1) z q[0];", text);
        AssertSame(b.Build(), Read(text));
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        var table = Path.Combine(RepoPaths.Root, "tests", "Qdc.Tests", "Qasm", "corpus-expectations.tsv");
        foreach (var line in File.ReadLines(table).Where(l => !l.StartsWith('#')))
        {
            var cols = line.Split('\t');
            if (cols[1] == "ok" && new FileInfo(Path.Combine(RepoPaths.Corpus, cols[0])).Length < 200_000)
            {
                data.Add(cols[0]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusFilesRoundTrip(string path)
    {
        var bag = new DiagnosticBag();
        var c = QasmFrontEnd.Load(Path.Combine(RepoPaths.Corpus, path), QasmOptions.Default, bag);
        Assert.NotNull(c);
        AssertSame(c!, Read(QasmWriter.WriteQasm3(c!)));
        if (QasmWriter.Qasm2Obstacle(c!) is null)
        {
            AssertSame(c!.WithOperations(c.Operations, 0), Read(QasmWriter.WriteQasm2(c!)));
        }
    }

    private static Circuit Read(string text)
    {
        var bag = new DiagnosticBag();
        var c = QasmFrontEnd.LoadText(text, "written.qasm", QasmOptions.Default, bag);
        Assert.True(c is not null, string.Join("\n", bag.Items.Select(d => d.Format())) + "\n---\n" + text);
        return c!;
    }

    private static void AssertSame(Circuit expected, Circuit actual)
    {
        Assert.Equal(expected.QuantumRegisters.AsEnumerable(), actual.QuantumRegisters.AsEnumerable());
        Assert.Equal(expected.ClassicalRegisters.AsEnumerable(), actual.ClassicalRegisters.AsEnumerable());
        Assert.Equal(expected.GlobalPhase, actual.GlobalPhase, 9);
        Assert.Equal(expected.Operations.Length, actual.Operations.Length);
        for (int i = 0; i < expected.Operations.Length; i++)
        {
            Assert.True(expected.Operations[i].Equals(actual.Operations[i]), $"operation {i}: {expected.Operations[i]} became {actual.Operations[i]}");
        }
    }
}
