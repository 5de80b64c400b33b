using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;
using Qdc.Tests.Cli;

namespace Qdc.Tests.Qasm;

/// <summary>QasmFrontEnd.LoadLocated: the same circuit as Load, with the statement each operation came from.</summary>
public class LocatedLoadTests
{
    [Fact]
    public void EachOperationPointsAtTheStatementThatMadeIt()
    {
        using var tmp = new TempDirectory();
        var path = tmp["c.qasm"];
        File.WriteAllText(path, """
            OPENQASM 3.0;
            include "stdgates.inc";
            gate g a, b { h a; cx a, b; }
            qubit[3] q;
            h q[0];
            g q[0], q[1];
            for int i in [0:1] { x q[i]; }
            ctrl @ s q[2], q[0];
            """);
        var bag = new DiagnosticBag();
        var located = QasmFrontEnd.LoadLocated(path, QasmOptions.Default, bag, out var locations);
        var plain = QasmFrontEnd.Load(path, QasmOptions.Default, new DiagnosticBag());
        Assert.False(bag.HasErrors);
        Assert.Equal(plain!.Operations.ToArray(), located!.Operations.ToArray());
        Assert.Equal(located.Operations.Length, locations.Length);
        // The gate's body lands on its call; the loop's body on the statement inside the loop.
        Assert.Equal([5, 6, 6, 7, 7, 8], locations.Select(l => l.Line));
        Assert.Equal([1, 1, 1, 22, 22, 1], locations.Select(l => l.Column));
        Assert.Equal("h q[0];".Length, locations[0].Length);
    }

    [Fact]
    public void AMissingFileIsADiagnostic()
    {
        var bag = new DiagnosticBag();
        Assert.Null(QasmFrontEnd.LoadLocated("no-such-file.qasm", QasmOptions.Default, bag, out var locations));
        Assert.True(bag.HasErrors);
        Assert.Empty(locations);
    }
}
