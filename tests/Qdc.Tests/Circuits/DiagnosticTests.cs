using Qdc.Circuits.Diagnostics;

namespace Qdc.Tests.Circuits;

public class DiagnosticTests
{
    [Fact]
    public void FormatShowsHeaderSourceLineAndCaretUnderTheOffendingText()
    {
        var d = new Diagnostic(Severity.Error, "QDC0101", "unknown gate 'foo'", new SourceLocation("a.qasm", 3, 5, 3))
        {
            SourceLine = "    foo q[0];",
        };
        Assert.Equal("a.qasm:3:5: error QDC0101: unknown gate 'foo'\n      foo q[0];\n      ^~~", d.Format());
    }

    [Fact]
    public void BagSortsByPositionAndKnowsWhetherItHoldsErrors()
    {
        var bag = new DiagnosticBag();
        bag.Warning("QDC0002", "w", new SourceLocation("a", 9, 1));
        Assert.False(bag.HasErrors);
        bag.Error("QDC0001", "e", new SourceLocation("a", 2, 7));
        Assert.True(bag.HasErrors);
        Assert.Equal(["QDC0001", "QDC0002"], bag.Sorted().Select(d => d.Code));
    }
}
