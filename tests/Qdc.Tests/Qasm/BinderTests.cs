using Qdc.Circuits;
using static Qdc.Tests.Qasm.QasmTestSupport;

namespace Qdc.Tests.Qasm;

/// <summary>What the binder makes of each construct it supports, checked operation by operation.</summary>
public class BinderTests
{
    private const string Q2 = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
    private const string Q3 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

    [Fact]
    public void RegistersAreFlattenedInDeclarationOrder()
    {
        var c = LoadOk(Q2 + "qreg a[2];\nqreg b[3];\ncreg m[2];\nx b[1];\nmeasure a[1] -> m[0];\n");
        Assert.Equal(5, c.QubitCount);
        Assert.Equal(2, c.ClbitCount);
        Assert.Equal("x b[1]\nmeasure a[1] -> m[0]", Listing(c));
        Assert.Equal(3, ((GateOperation)c.Operations[0]).Qubits[0]);
    }

    [Fact]
    public void RegisterBroadcastPairsUpQubits()
    {
        var c = LoadOk(Q2 + "qreg a[2];\nqreg b[2];\ncreg c[2];\ncx a, b;\nh a;\ncx a[0], b;\nmeasure a -> c;\n");
        Assert.Equal(
            "cx a[0],b[0]\ncx a[1],b[1]\nh a[0]\nh a[1]\ncx a[0],b[0]\ncx a[0],b[1]\nmeasure a[0] -> c[0]\nmeasure a[1] -> c[1]",
            Listing(c));
    }

    [Theory]
    [InlineData("pi/2", Math.PI / 2)]
    [InlineData("-pi/4 + 1", 1 - (Math.PI / 4))]
    [InlineData("2^3", 8.0)]
    [InlineData("2**3**2", 512.0)]
    [InlineData("-2**2", -4.0)]
    [InlineData("1.5e-3", 1.5e-3)]
    [InlineData("sin(pi/2) + cos(0)", 2.0)]
    [InlineData("sqrt(4)*ln(exp(1))", 2.0)]
    [InlineData("tan(0) + 7 % 4", 3.0)]
    [InlineData("1/2", 0.5)]
    public void Qasm2ConstantExpressions(string expr, double expected)
    {
        var c = LoadOk(Q2 + $"qreg q[1];\nrz({expr}) q[0];\n");
        Assert.Equal(expected, ((GateOperation)c.Operations[0]).Gate.Parameters[0], 12);
    }

    [Theory]
    [InlineData("τ/2", Math.PI)]
    [InlineData("π", Math.PI)]
    [InlineData("euler", Math.E)]
    [InlineData("arcsin(1)", Math.PI / 2)]
    [InlineData("arccos(1) + arctan(0)", 0.0)]
    [InlineData("1/2", 0.0)]
    [InlineData("7/2*1.0", 3.0)]
    [InlineData("0x10 + 0b11 + 0o7 + 1_000", 1026.0)]
    [InlineData("(1 << 3) | 1", 9.0)]
    [InlineData("5 ^ 1", 4.0)]
    [InlineData("2 > 1 ? 1 : 0", double.NaN)]
    public void Qasm3ConstantExpressions(string expr, double expected)
    {
        var (c, bag) = Load(Q3 + $"qubit q;\nrz({expr}) q;\n");
        if (double.IsNaN(expected))
        {
            Assert.Null(c);
            Assert.NotEmpty(bag.Items);
            return;
        }
        Assert.True(c is not null, string.Join("\n", bag.Items.Select(d => d.Format())));
        Assert.Equal(expected, ((GateOperation)c!.Operations[0]).Gate.Parameters[0], 12);
    }

    [Fact]
    public void UserGatesAreInlinedWithTheirParameters()
    {
        var c = LoadOk(Q2 + "gate mygate(t) a, b { h a; cx a, b; rz(t/2) b; }\nqreg q[2];\nmygate(pi) q[1], q[0];\n");
        Assert.Equal($"h q[1]\ncx q[1],q[0]\nrz({Math.PI / 2:R}) q[0]", Listing(c));
    }

    [Fact]
    public void OwnDefinitionOfALibraryNameWins()
    {
        var c = LoadOk(Q2 + "gate cu a, b { cx a, b; }\nqreg q[2];\ncu q[0], q[1];\n");
        Assert.Equal("cx q[0],q[1]", Listing(c));
    }

    [Fact]
    public void ModifiersMapToNamedControlledGates()
    {
        var c = LoadOk(Q3 + "qubit[4] q;\nctrl @ x q[0], q[1];\nctrl(2) @ x q[0], q[1], q[2];\nctrl @ p(0.5) q[0], q[1];\ninv @ s q[0];\nnegctrl @ z q[0], q[1];\npow(2) @ t q[0];\nctrl @ ctrl @ ctrl @ x q[0], q[1], q[2], q[3];\n");
        Assert.Equal(
            "cx q[0],q[1]\nccx q[0],q[1],q[2]\ncp(0.5) q[0],q[1]\nsdg q[0]\nx q[0]\ncz q[0],q[1]\nx q[0]\n"
            + $"p({Math.PI / 2:R}) q[0]\nc3x q[0],q[1],q[2],q[3]",
            Listing(c));
    }

    [Fact]
    public void InverseOfAUserGateReversesAndInvertsItsBody()
    {
        var c = LoadOk(Q3 + "gate g a, b { h a; cx a, b; t b; }\nqubit[2] q;\ninv @ g q[0], q[1];\n");
        Assert.Equal("tdg q[1]\ncx q[0],q[1]\nh q[0]", Listing(c));
    }

    [Fact]
    public void ControlledUserGateControlsEveryGateOfItsBody()
    {
        var c = LoadOk(Q3 + "gate g a { h a; z a; }\nqubit[2] q;\nctrl @ g q[0], q[1];\n");
        Assert.Equal("ch q[0],q[1]\ncz q[0],q[1]", Listing(c));
    }

    [Fact]
    public void ControlledGlobalPhaseBecomesAPhaseGate()
    {
        var c = LoadOk(Q3 + "qubit[2] q;\ngphase(0.25);\nctrl @ gphase(0.5) q[0];\n");
        Assert.Equal(0.25, c.GlobalPhase);
        Assert.Equal("p(0.5) q[0]", Listing(c));
    }

    [Fact]
    public void ForLoopsUnrollOverInclusiveRangesAndSets()
    {
        var c = LoadOk(Q3 + "qubit[4] q;\nfor int i in [0:2] { cx q[i], q[i+1]; }\nfor uint i in [3:-2:0] { x q[i]; }\nfor i in {0, 2} { h q[i]; }\n");
        Assert.Equal("cx q[0],q[1]\ncx q[1],q[2]\ncx q[2],q[3]\nx q[3]\nx q[1]\nh q[0]\nh q[2]", Listing(c));
    }

    [Fact]
    public void BreakAndContinueAndWhileWithACounter()
    {
        var c = LoadOk(Q3 + "qubit[4] q;\nint n = 0;\nwhile (n < 10) { n += 1; if (n == 2) continue; if (n > 3) break; x q[n]; }\n");
        Assert.Equal("x q[1]\nx q[3]", Listing(c));
    }

    [Fact]
    public void Qasm2IfBecomesACondition()
    {
        var c = LoadOk(Q2 + "qreg q[1];\ncreg c[2];\nmeasure q[0] -> c[1];\nif(c==2) x q[0];\n");
        Assert.Equal("measure q[0] -> c[1]\nif(0,1==2) x q[0]", Listing(c));
    }

    [Fact]
    public void Qasm3IfElseOnABitBecomesTwoConditions()
    {
        var c = LoadOk(Q3 + "qubit[2] q;\nbit[2] c;\nc[0] = measure q[0];\nif (c[0]) { x q[1]; } else { z q[1]; }\nif (!c[0]) h q[1];\nif (c[0] == 1 && c[1] == 0) y q[1];\n");
        Assert.Equal(
            "measure q[0] -> c[0]\nif(0!=0) x q[1]\nif(0==0) z q[1]\nif(0==0) h q[1]\nif(0,1==1) y q[1]",
            Listing(c));
    }

    [Fact]
    public void CompileTimeIfIsDecided()
    {
        var c = LoadOk(Q3 + "qubit q;\nconst int n = 3;\nif (n > 2) x q; else y q;\nuint[4] a = 5;\nif (bool(a[1])) z q;\nif (a[2] == 1) h q;\n");
        Assert.Equal("x q[0]\nh q[0]", Listing(c));
    }

    [Fact]
    public void MeasureSyntaxesAndResetAndBarrier()
    {
        var c = LoadOk(Q3 + "qubit[2] q;\nbit[2] c;\nbit b;\nc = measure q;\nb = measure q[1];\nmeasure q[0] -> c[1];\nmeasure q[0];\nreset q;\nbarrier q[0], q[1];\nbarrier;\n");
        Assert.Equal(
            "measure q[0] -> c[0]\nmeasure q[1] -> c[1]\nmeasure q[1] -> b[0]\nmeasure q[0] -> c[1]\nmeasure q[0] -> _discarded[0]\nreset q[0]\nreset q[1]\nbarrier q[0],q[1]\nbarrier q[0],q[1]",
            Listing(c));
    }

    [Fact]
    public void LetAliasesSlicesAndConcatenations()
    {
        var c = LoadOk(Q3 + "qubit[4] q;\nqubit[2] r;\nlet a = q[1:2] ++ r[0];\nx a[2];\ncx a[0], a[1];\nh q[{0, 3}];\nx q[-1];\n");
        Assert.Equal("x r[0]\ncx q[1],q[2]\nh q[0]\nh q[3]\nx q[3]", Listing(c));
    }

    [Fact]
    public void InputsTakeTheirValuesFromParameters()
    {
        var c = LoadOk(Q3 + "input float theta;\nqubit q;\nrx(2*theta) q;\n", new Dictionary<string, double> { ["theta"] = 0.25 });
        Assert.Equal("rx(0.5) q[0]", Listing(c));
    }

    [Fact]
    public void SubroutinesAreInlinedAndReturnMeasurements()
    {
        var c = LoadOk(Q3 + "def flip(qubit a, int n) -> bit { for int i in [1:n] { x a; } return measure a; }\nqubit q;\nbit b;\nb = flip(q, 2);\n");
        Assert.Equal("x q[0]\nx q[0]\nmeasure q[0] -> b[0]", Listing(c));
    }

    [Fact]
    public void IncludedFilesAreBoundInPlace()
    {
        var files = new Dictionary<string, string> { ["mine.inc"] = "gate bell a, b { h a; cx a, b; }\n" };
        var (c, bag) = Load(Q2 + "include \"mine.inc\";\nqreg q[2];\nbell q[0], q[1];\n", files);
        Assert.True(c is not null, string.Join("\n", bag.Items.Select(d => d.Format())));
        Assert.Equal("h q[0]\ncx q[0],q[1]", Listing(c!));
    }

    [Fact]
    public void MissingHeaderMeansQasm3()
    {
        var c = LoadOk("include \"stdgates.inc\";\nqubit q;\nrz(1/2) q;\n");
        Assert.Equal(0.0, ((GateOperation)c.Operations[0]).Gate.Parameters[0]);
    }

    [Fact]
    public void HardwareQubitsAreAllocatedOnUse()
    {
        var c = LoadOk(Q3 + "cx $3, $0;\n");
        Assert.Equal(2, c.QubitCount);
        Assert.Equal("cx $3[0],$0[0]", Listing(c));
    }

    [Fact]
    public void BuiltinsOfQasm2()
    {
        var c = LoadOk("OPENQASM 2.0;\nqreg q[2];\nU(pi,0,pi) q[0];\nCX q[0], q[1];\n");
        Assert.Equal($"U({Math.PI:R}, 0, {Math.PI:R}) q[0]\nCX q[0],q[1]", Listing(c));
    }

    [Fact]
    public void CrlfLinesAndByteOrderMarkAreRead()
    {
        var c = LoadOk("\uFEFFOPENQASM 2.0;\r\ninclude \"qelib1.inc\";\r\nqreg q[1];\r\nh q[0];");
        Assert.Equal("h q[0]", Listing(c));
    }
}
