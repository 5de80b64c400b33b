using Qdc.Qasm;

namespace Qdc.Tests.Qasm;

/// <summary>
/// Every fault in the input, one at a time: each case names the diagnostic code and the line and
/// column it must point at. The whole bag must hold that error (others may follow from it).
/// </summary>
public class BadInputTests
{
    private const string Q2 = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
    private const string Q3 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

    public static TheoryData<string, string, string, int, int> Cases => new()
    {
        // name, source, code, line, column
        { "unknown gate", Q2 + "qreg q[2];\nfoo q[0];\n", QasmDiagnostics.UnknownGate, 4, 1 },
        { "library gate without include", "OPENQASM 2.0;\nqreg q[1];\nh q[0];\n", QasmDiagnostics.UnknownGate, 3, 1 },
        { "stdgates gate without include", "OPENQASM 3.0;\nqubit q;\nh q;\n", QasmDiagnostics.UnknownGate, 3, 1 },
        { "too few qubits", Q2 + "qreg q[2];\ncx q[0];\n", QasmDiagnostics.GateArity, 4, 4 },
        { "too many qubits", Q2 + "qreg q[3];\nh q[0], q[1];\n", QasmDiagnostics.GateArity, 4, 3 },
        { "missing parameter", Q2 + "qreg q[1];\nrz q[0];\n", QasmDiagnostics.GateParameterCount, 4, 1 },
        { "extra parameter", Q2 + "qreg q[1];\nh(0.5) q[0];\n", QasmDiagnostics.GateParameterCount, 4, 2 },
        { "index out of range", Q2 + "qreg q[3];\nx q[4];\n", QasmDiagnostics.IndexOutOfRange, 4, 5 },
        { "negative index in qasm 2", Q2 + "qreg q[3];\nx q[-1];\n", QasmDiagnostics.IndexOutOfRange, 4, 5 },
        { "slice out of range", Q3 + "qubit[3] q;\nx q[1:5];\n", QasmDiagnostics.IndexOutOfRange, 4, 5 },
        { "undeclared register", Q2 + "qreg q[1];\nx r[0];\n", QasmDiagnostics.Undeclared, 4, 3 },
        { "undeclared creg in measure", Q2 + "qreg q[1];\nmeasure q[0] -> c[0];\n", QasmDiagnostics.Undeclared, 4, 17 },
        { "duplicate register", Q2 + "qreg q[1];\nqreg q[2];\n", QasmDiagnostics.Redeclared, 4, 6 },
        { "duplicate gate", Q2 + "gate g a { x a; }\ngate g a { y a; }\n", QasmDiagnostics.Redeclared, 4, 6 },
        { "duplicate gate parameter", Q2 + "gate g(t, t) a { rz(t) a; }\n", QasmDiagnostics.Redeclared, 3, 11 },
        { "missing include", Q2 + "include \"nowhere.inc\";\n", QasmDiagnostics.MissingInclude, 3, 9 },
        { "unterminated comment", Q2 + "qreg q[1];\n/* never closed\nx q[0];\n", QasmDiagnostics.UnterminatedComment, 4, 1 },
        { "unterminated string", "OPENQASM 2.0;\ninclude \"qelib1.inc;\n", QasmDiagnostics.UnterminatedString, 2, 9 },
        { "stray character", Q2 + "qreg q[1];\nx q[0]; ?\n", QasmDiagnostics.UnexpectedCharacter, 4, 9 },
        { "missing semicolon", Q2 + "qreg q[1]\nx q[0];\n", QasmDiagnostics.MissingSemicolon, 3, 10 },
        { "missing semicolon at end", Q2 + "qreg q[1];\nx q[0]", QasmDiagnostics.MissingSemicolon, 4, 7 },
        { "syntax error", Q2 + "qreg q[1];\nx q[0]];\n", QasmDiagnostics.SyntaxError, 4, 7 },
        { "division by zero", Q2 + "qreg q[1];\nrz(pi/0) q[0];\n", QasmDiagnostics.DivisionByZero, 4, 6 },
        { "modulo by zero", Q3 + "const int n = 5 % 0;\n", QasmDiagnostics.DivisionByZero, 3, 17 },
        { "measure size mismatch", Q2 + "qreg q[3];\ncreg c[2];\nmeasure q -> c;\n", QasmDiagnostics.MeasureSizeMismatch, 5, 1 },
        { "measure size mismatch qasm3", Q3 + "qubit[2] q;\nbit[3] c;\nc = measure q;\n", QasmDiagnostics.MeasureSizeMismatch, 5, 1 },
        { "uppercase register in qasm 2", "OPENQASM 2.0;\nqreg Q[1];\n", QasmDiagnostics.LowercaseRequired, 2, 6 },
        { "uppercase gate name in qasm 2", "OPENQASM 2.0;\ngate G a { U(0,0,0) a; }\n", QasmDiagnostics.LowercaseRequired, 2, 6 },
        { "broadcast size mismatch", Q2 + "qreg a[2];\nqreg b[3];\ncx a, b;\n", QasmDiagnostics.BroadcastMismatch, 5, 7 },
        { "same qubit twice", Q2 + "qreg q[2];\ncx q[0], q[0];\n", QasmDiagnostics.DuplicateOperand, 4, 1 },
        { "gate on a classical register", Q2 + "creg c[1];\nx c[0];\n", QasmDiagnostics.NotAQubit, 4, 3 },
        { "measure into a qubit", Q2 + "qreg q[2];\nmeasure q[0] -> q[1];\n", QasmDiagnostics.NotClassical, 4, 17 },
        { "unknown identifier in expression", Q2 + "qreg q[1];\nrz(alpha) q[0];\n", QasmDiagnostics.Undeclared, 4, 4 },
        { "unknown function", Q2 + "qreg q[1];\nrz(foo(1)) q[0];\n", QasmDiagnostics.UnknownFunction, 4, 4 },
        { "arcsin out of domain", Q3 + "qubit q;\nrz(arcsin(2)) q;\n", QasmDiagnostics.BadArgument, 4, 4 },
        { "zero-size register", Q2 + "qreg q[0];\n", QasmDiagnostics.BadRegisterSize, 3, 8 },
        { "opaque gate applied", Q2 + "opaque magic a;\nqreg q[1];\nmagic q[0];\n", QasmDiagnostics.OpaqueGate, 5, 1 },
        { "statement in gate body", Q3 + "gate g a { reset a; }\n", QasmDiagnostics.GateBodyStatement, 3, 12 },
        { "missing input value", Q3 + "input float theta;\n", QasmDiagnostics.MissingInput, 3, 13 },
        { "assign to const", Q3 + "const int n = 1;\nn = 2;\n", QasmDiagnostics.AssignToConst, 4, 1 },
        { "unsupported version", "OPENQASM 2.6;\nqreg q[1];\n", QasmDiagnostics.BadVersion, 1, 10 },
        { "runtime while", Q3 + "qubit q;\nbit c;\nc = measure q;\nwhile (c == 1) { x q; c = measure q; }\n", QasmDiagnostics.Unsupported, 6, 1 },
        { "endless while", Q3 + "qubit q;\nwhile (true) { x q; }\n", QasmDiagnostics.LoopLimit, 4, 1 },
        { "defcal", Q3 + "defcal x $0 { play(d0, g); }\n", QasmDiagnostics.Unsupported, 3, 1 },
        { "extern", Q3 + "extern f(int) -> bit;\n", QasmDiagnostics.Unsupported, 3, 1 },
        { "delay", Q3 + "qubit q;\ndelay[100ns] q;\n", QasmDiagnostics.Unsupported, 4, 1 },
        { "box", Q3 + "qubit q;\nbox { x q; }\n", QasmDiagnostics.Unsupported, 4, 1 },
        { "duration variable", Q3 + "duration d = 10ns;\n", QasmDiagnostics.Unsupported, 3, 1 },
        { "run-time parameter", Q3 + "qubit q;\nbit c;\nc = measure q;\nrz(c) q;\n", QasmDiagnostics.NotConstant, 6, 4 },
        { "measure into an int", Q3 + "qubit q;\nint x = measure q;\n", QasmDiagnostics.Unsupported, 4, 9 },
        { "non-integer power", Q3 + "qubit q;\npow(0.5) @ h q;\n", QasmDiagnostics.Unsupported, 4, 12 },
        { "qubit declared in a loop", Q3 + "for int i in [0:1] { qubit q; }\n", QasmDiagnostics.Unsupported, 3, 28 },
        { "index on a single qubit", Q3 + "qubit q;\nx q[1];\n", QasmDiagnostics.IndexOutOfRange, 4, 5 },
        { "switch", Q3 + "int i = 1;\nswitch (i) { case 1 { } }\n", QasmDiagnostics.Unsupported, 4, 1 },
        { "array", Q3 + "array[int[8], 4] a;\n", QasmDiagnostics.Unsupported, 3, 1 },
        { "complex", Q3 + "complex[float[64]] z;\n", QasmDiagnostics.Unsupported, 3, 1 },
        { "empty file", "", QasmDiagnostics.EmptyFile, 1, 1 },
        { "only whitespace", "  \n\n", QasmDiagnostics.EmptyFile, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachFaultIsReportedAtItsPlace(string name, string source, string code, int line, int column)
    {
        var (circuit, bag) = QasmTestSupport.Load(source);
        Assert.Null(circuit);
        var all = string.Join("\n", bag.Items.Select(d => d.Format()));
        Assert.True(
            bag.Items.Any(d => d.Code == code && d.Location.Line == line && d.Location.Column == column),
            $"{name}: expected {code} at {line}:{column}, got:\n{all}");
        var hit = bag.Items.First(d => d.Code == code);
        Assert.StartsWith($"test.qasm:{line}:{column}: error {code}: ", hit.Format());
        Assert.Contains("\n  ", hit.Format());
    }

    [Fact]
    public void CaseTableIsLargeAndEveryCodeDistinctlyNamed()
    {
        Assert.True(Cases.Count() >= 40);
    }

    [Fact]
    public void InvalidUtf8IsReportedAtTheByte()
    {
        var bytes = "OPENQASM 2.0;\nqreg q[1];\n// caf"u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\n"u8.ToArray()).ToArray();
        var bag = new Qdc.Circuits.Diagnostics.DiagnosticBag();
        var c = QasmFrontEnd.Load("bad.qasm", new QasmOptions { ReadFile = _ => bytes }, bag);
        Assert.Null(c);
        var d = Assert.Single(bag.Items);
        Assert.Equal(QasmDiagnostics.InvalidUtf8, d.Code);
        Assert.Equal(3, d.Location.Line);
        Assert.Equal(7, d.Location.Column);
    }

    [Fact]
    public void IncludeCycleIsAnError()
    {
        var files = new Dictionary<string, string>
        {
            ["a.inc"] = "include \"b.inc\";\n",
            ["b.inc"] = "include \"a.inc\";\n",
        };
        var (c, bag) = QasmTestSupport.Load("OPENQASM 2.0;\ninclude \"a.inc\";\n", files);
        Assert.Null(c);
        Assert.Contains(bag.Items, d => d.Code == QasmDiagnostics.IncludeCycle);
    }

    [Fact]
    public void MissingFileIsAnError()
    {
        var bag = new Qdc.Circuits.Diagnostics.DiagnosticBag();
        Assert.Null(QasmFrontEnd.Load("/no/such/file.qasm", QasmOptions.Default, bag));
        Assert.Equal(QasmDiagnostics.FileNotFound, Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void AllErrorsInAFileAreReported()
    {
        var (c, bag) = QasmTestSupport.Load(Q2 + "qreg q[2];\nfoo q[0];\nx q[7];\nbar q[1];\n");
        Assert.Null(c);
        Assert.Equal([4, 5, 6], bag.Items.Select(d => d.Location.Line).Order());
    }
}
