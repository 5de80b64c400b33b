using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Partitioning;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Partitioning;

public class HmetisReaderTests
{
    [Theory]
    [InlineData("", HmetisCodes.Empty, 1, 1)]
    [InlineData("% only a comment\n", HmetisCodes.Empty, 1, 1)]
    [InlineData("2\n1 2\n", HmetisCodes.BadHeader, 1, 1)]
    [InlineData("1 2 3 4\n1 2\n", HmetisCodes.BadHeader, 1, 1)]
    [InlineData("1 x\n1 2\n", HmetisCodes.NotAnInteger, 1, 3)]
    [InlineData("1 2 7\n1 2\n", HmetisCodes.UnknownFormat, 1, 5)]
    [InlineData("1 2\n1 3\n", HmetisCodes.PinOutOfRange, 2, 3)]
    [InlineData("1 2\n0 2\n", HmetisCodes.PinOutOfRange, 2, 1)]
    [InlineData("2 3\n1 2\n", HmetisCodes.MissingNets, 2, 4)]
    [InlineData("1 2 1\n5\n", HmetisCodes.EmptyNet, 2, 1)]
    [InlineData("1 2 1\n-1 1 2\n", HmetisCodes.NegativeWeight, 2, 1)]
    [InlineData("1 2 10\n1 2\n1\n", HmetisCodes.MissingVertexWeights, 3, 2)]
    [InlineData("1 2 10\n1 2\n1\n-3\n", HmetisCodes.NegativeWeight, 4, 1)]
    [InlineData("1 2 10\n1 2\n1 4\n1\n", HmetisCodes.ExtraVertexWeightField, 3, 3)]
    [InlineData("1 2\n1 2\n1 2\n", HmetisCodes.TrailingContent, 3, 1)]
    [InlineData("1 2\n1 2.5\n", HmetisCodes.NotAnInteger, 2, 3)]
    [InlineData("1 2\n1 99999999999\n", HmetisCodes.NotAnInteger, 2, 3)]
    public void BadInputGetsItsCodeAndPosition(string text, string code, int line, int column)
    {
        var bag = new DiagnosticBag();
        var g = HmetisReader.Read(text, "t.hgr", bag);
        Assert.Null(g);
        var d = Assert.Single(bag.Items, x => x.IsError);
        Assert.Equal(code, d.Code);
        Assert.Equal((line, column), (d.Location.Line, d.Location.Column));
        Assert.StartsWith($"t.hgr:{line}:{column}: error {code}: ", d.Header);
    }

    [Fact]
    public void DuplicatePinIsAWarningAndDropped()
    {
        var bag = new DiagnosticBag();
        var g = HmetisReader.Read("1 3\n1 2 1 3\n", "t.hgr", bag);
        Assert.NotNull(g);
        Assert.Equal([0, 1, 2], g.Pins(0).ToArray());
        var d = Assert.Single(bag.Items);
        Assert.Equal((HmetisCodes.DuplicatePin, 2, 5), (d.Code, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void ReadsAllFormatsCommentsAndZeroWeights()
    {
        var bag = new DiagnosticBag();
        var g = HmetisReader.Read("% c\n2 3 11\n% mid\n5 1 2\n\n2 2 3\n0\n1\r\n4\n", "t.hgr", bag);
        Assert.False(bag.HasErrors);
        Assert.NotNull(g);
        Assert.Equal((2, 3), (g.NetCount, g.VertexCount));
        Assert.Equal([5, 2], new[] { g.NetWeight(0), g.NetWeight(1) });
        Assert.Equal([0, 1, 4], g.VertexWeights.ToArray());
        Assert.Equal([1, 2], g.Pins(1).ToArray());
        Assert.Equal([0, 1], g.IncidentNets(1).ToArray());
    }

    [Theory]
    [InlineData("2 3\n1 2\n2 3\n")]
    [InlineData("2 3 1\n4 1 2\n1 2 3\n")]
    [InlineData("2 3 10\n1 2\n2 3\n1\n0\n2\n")]
    [InlineData("2 3 11\n4 1 2\n1 2 3\n1\n0\n2\n")]
    public void WriterRoundTrips(string text)
    {
        var bag = new DiagnosticBag();
        var g = HmetisReader.Read(text, "t.hgr", bag)!;
        Assert.Equal(text, HmetisWriter.ToText(g));
    }

    [Fact]
    public void ReferenceHypergraphsRoundTrip()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "reference", "hypergraphs"), "*.hgr"))
        {
            var bag = new DiagnosticBag();
            var g = HmetisReader.ReadFile(path, bag);
            Assert.False(bag.HasErrors, path);
            var again = HmetisReader.Read(HmetisWriter.ToText(g!), "again", bag)!;
            Assert.Equal(HmetisWriter.ToText(g!), HmetisWriter.ToText(again));
        }
    }
}
