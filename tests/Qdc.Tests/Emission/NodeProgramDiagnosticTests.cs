using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Emission;
using Qdc.Qasm;

namespace Qdc.Tests.Emission;

/// <summary>Malformed node programs: each fault gets its own diagnostic at its file:line:col.</summary>
public class NodeProgramDiagnosticTests
{
    private static string A => TwoQpuExample.Nodes().Single(n => n.QpuId == "a").Text;

    private static void AssertOnly(DiagnosticBag bag, string code, string file, int line, string? message = null, int column = 1)
    {
        var errors = bag.Items.Where(d => d.IsError).ToList();
        Assert.True(errors.Count > 0, "no diagnostic");
        Assert.All(errors, d => Assert.Equal(code, d.Code));
        var d = errors.First(e => e.Location.Path == file);
        Assert.Equal((file, line, column), (d.Location.Path, d.Location.Line, d.Location.Column));
        if (message is not null)
        {
            Assert.Contains(message, d.Message);
        }
    }

    private static DiagnosticBag ParseEdited(Func<string, string> edit)
    {
        var bag = new DiagnosticBag();
        Assert.Null(QasmFrontEnd.LoadNode(new SourceText("nodes/a.qasm", edit(A)), QasmOptions.Default, bag));
        return bag;
    }

    private static DiagnosticBag JoinEdited(string qpu, Func<string, string> edit)
    {
        var (joined, bag) = NodeFixtures.Join(TwoQpuExample.Edited(qpu, edit));
        Assert.Null(joined);
        return bag;
    }

    [Fact]
    public void TheUntouchedProgramsReadBackAndJoin()
    {
        var (joined, bag) = NodeFixtures.Join(TwoQpuExample.Edited("a", t => t));
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        Assert.Equal(4, joined!.SourceQubits);
    }

    [Fact]
    public void OutsideNodeModeTheHeaderIsStillUnsupported()
    {
        var bag = new DiagnosticBag();
        Assert.Null(QasmFrontEnd.LoadText(A, "nodes/a.qasm", QasmOptions.Default, bag));
        var codes = bag.Items.Select(d => d.Code).Distinct().Order().ToList();
        Assert.Contains(QasmDiagnostics.Unsupported, codes);
        Assert.Equal(TwoQpuExample.LineOf(A, "defcal"), bag.Items.First(d => d.Code == QasmDiagnostics.Unsupported).Location.Line);
    }

    [Fact]
    public void AnUnknownPeer()
    {
        var bag = ParseEdited(t => TwoQpuExample.ReplaceFirst(t, "epr(1, 0)", "epr(7, 0)"));
        AssertOnly(bag, QasmDiagnostics.UnknownPeer, "nodes/a.qasm", TwoQpuExample.LineOf(A, "epr(1, 0)"), "unknown peer 7");
        bag = ParseEdited(t => TwoQpuExample.ReplaceFirst(t, "epr(1, 0)", "epr(0, 0)"));
        AssertOnly(bag, QasmDiagnostics.UnknownPeer, "nodes/a.qasm", TwoQpuExample.LineOf(A, "epr(1, 0)"), "this QPU itself");
    }

    [Fact]
    public void APeerWithNoProgram()
    {
        // Declared in the header, so the file alone is fine; the set of programs has no QPU 2.
        var bag = JoinEdited("a", t => TwoQpuExample.ReplaceFirst(
            TwoQpuExample.ReplaceFirst(t, "pragma qdc peer 1 \"b\"\n", "pragma qdc peer 1 \"b\"\npragma qdc peer 2 \"c\"\n"), "epr(1, 0)", "epr(2, 0)"));
        var d = bag.Items.First(x => x.Code == QasmDiagnostics.UnknownPeer);
        Assert.Equal(("nodes/a.qasm", TwoQpuExample.LineOf(A, "epr(1, 0)") + 1), (d.Location.Path, d.Location.Line));
    }

    [Fact]
    public void ADuplicateTag()
    {
        var bag = ParseEdited(t => TwoQpuExample.ReplaceFirst(t, "epr(1, 1)", "epr(1, 0)"));
        AssertOnly(bag, QasmDiagnostics.DuplicateTag, "nodes/a.qasm", TwoQpuExample.LineOf(A, "epr(1, 1)"), "pair tag 0 is already used");
        bag = ParseEdited(t => TwoQpuExample.ReplaceFirst(t, "recv(1, 2)", "recv(1, 1)"));
        AssertOnly(bag, QasmDiagnostics.DuplicateTag, "nodes/a.qasm", TwoQpuExample.LineOf(A, "net[2] = recv(1, 2)"), "message tag 1", column: "net[2] = ".Length + 1);
    }

    [Theory]
    [InlineData("epr(1, 0)", "epr(1)", "'epr' takes 2 arguments")]
    [InlineData("epr(1, 0) comm[0]", "epr(1, 0) comm[0], data[0]", "and 1 qubit")]
    [InlineData("send(1, 0, net[0])", "send(1, 0)", "'send' takes 3 arguments")]
    [InlineData("recv(1, 1)", "recv(1, 1, 2)", "'recv' takes 2 arguments")]
    public void WrongArity(string from, string to, string message)
    {
        var bag = ParseEdited(t => TwoQpuExample.ReplaceFirst(t, from, to));
        int line = A.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(from, StringComparison.Ordinal)).i + 1;
        var d = Assert.Single(bag.Items, x => x.IsError);
        Assert.Equal((QasmDiagnostics.NetworkArity, "nodes/a.qasm", line), (d.Code, d.Location.Path, d.Location.Line));
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void AMalformedHeader()
    {
        var bag = ParseEdited(t => TwoQpuExample.ReplaceFirst(t, "pragma qdc node 0 \"a\"", "pragma qdc node zero \"a\""));
        Assert.Contains(bag.Items, d => d.Code == QasmDiagnostics.BadNodeHeader && d.Location.Line == TwoQpuExample.LineOf(A, "pragma qdc node"));
        bag = ParseEdited(t => TwoQpuExample.ReplaceFirst(t, "pragma qdc qubit data[0]", "pragma qdc qubit data[9]"));
        Assert.Contains(bag.Items, d => d.Code == QasmDiagnostics.BadNodeHeader && d.Message.Contains("data[9]", StringComparison.Ordinal));
    }

    [Fact]
    public void ARecvWithNoSend()
    {
        var a = A;
        var bag = JoinEdited("a", t => TwoQpuExample.ReplaceFirst(t, "recv(1, 1)", "recv(1, 9)"));
        var codes = bag.Items.Select(d => d.Code).Distinct().ToList();
        Assert.Equal([EmissionCodes.Unmatched], codes);
        var recv = bag.Items.Single(d => d.Location.Path == "nodes/a.qasm");
        Assert.Equal(a.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains("recv(1, 1)", StringComparison.Ordinal)).i + 1, recv.Location.Line);
        Assert.Contains("message tag 9 has no partner", recv.Message);
        // …and b's send of message 1 now has no recv.
        Assert.Contains(bag.Items, d => d.Location.Path == "nodes/b.qasm" && d.Message.Contains("message tag 1 has no partner", StringComparison.Ordinal));
    }

    [Fact]
    public void SwappedPairTagsDeadlock()
    {
        var bag = JoinEdited("a", t => TwoQpuExample.ReplaceFirst(TwoQpuExample.ReplaceFirst(t, "epr(1, 0)", "epr(1, X)"), "epr(1, 1)", "epr(1, 0)").Replace("epr(1, X)", "epr(1, 1)", StringComparison.Ordinal));
        Assert.Equal([EmissionCodes.Deadlock], bag.Items.Select(d => d.Code).Distinct());
        var d = bag.Items.Single(x => x.Location.Path == "nodes/a.qasm");
        Assert.Equal(TwoQpuExample.LineOf(A, "epr(1, 0)"), d.Location.Line);
        Assert.Contains("waits here for pair 1 from QPU 'b', which itself waits at nodes/b.qasm:", d.Message);
    }
}
