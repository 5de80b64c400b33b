using Qdc.Compiler.Partitioning;

namespace Qdc.Tests.Cli;

public sealed class HypergraphPartitionCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qdc-hgr-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void PartitionsWritesOneBlockPerLineAndPrintsKm1AndCut()
    {
        // Two triangles joined by one net; weight-0 vertex 7 hangs on the bridge.
        string hgr = Write("g.hgr", "4 7 10\n1 2 3\n4 5 6\n3 4 7\n1 2\n1\n1\n1\n1\n1\n1\n0\n");
        string part = Path.Combine(_dir, "g.part");
        var (exit, output, _) = CliHarness.Run("hypergraph", "partition", hgr, "-k", "2", "--epsilon", "0", "-o", part);
        Assert.Equal(0, exit);
        Assert.StartsWith("km1=1\ncut=1\nweights=3 3\n", output);
        var blocks = File.ReadAllLines(part).Select(int.Parse).ToArray();
        Assert.Equal(7, blocks.Length);
        Assert.Equal(blocks[0], blocks[2]);
        Assert.NotEqual(blocks[0], blocks[3]);
    }

    [Fact]
    public void DefaultOutputIsFileDotPartDotK()
    {
        string hgr = Write("d.hgr", "1 2\n1 2\n");
        var (exit, _, _) = CliHarness.Run("hypergraph", "partition", hgr, "-k", "2");
        Assert.Equal(0, exit);
        Assert.Equal(2, File.ReadAllLines(hgr + ".part.2").Length);
    }

    [Fact]
    public void BadInputIsADiagnosticWithPositionAndExit1()
    {
        string hgr = Write("bad.hgr", "1 2\n1 9\n");
        var (exit, _, err) = CliHarness.Run("hypergraph", "partition", hgr, "-k", "2");
        Assert.Equal(1, exit);
        Assert.Contains($"bad.hgr:2:3: error {HmetisCodes.PinOutOfRange}: ", err);
    }

    [Fact]
    public void MissingFileIsExit1()
    {
        var (exit, _, err) = CliHarness.Run("hypergraph", "partition", Path.Combine(_dir, "none.hgr"), "-k", "2");
        Assert.Equal(1, exit);
        Assert.Contains(HmetisCodes.CannotRead, err);
    }

    [Fact]
    public void WeightsThatCannotFitAreExit4()
    {
        string hgr = Write("w.hgr", "1 3\n1 2 3\n");
        var (exit, _, err) = CliHarness.Run("hypergraph", "partition", hgr, "-k", "2", "--part-weights", "1", "1");
        Assert.Equal(4, exit);
        Assert.Contains("does not fit", err);
    }

    [Theory]
    [InlineData("-k", "2", "--part-weights", "1")]
    [InlineData("-k", "1")]
    [InlineData("-k", "65")]
    [InlineData("-k", "2", "--epsilon", "-1")]
    public void BadBlockOptionsAreUsageErrors(params string[] options)
    {
        string hgr = Write("u.hgr", "1 2\n1 2\n");
        var (exit, _, err) = CliHarness.Run(["hypergraph", "partition", hgr, .. options]);
        Assert.Equal(2, exit);
        Assert.Contains(HmetisCodes.BadBlockOptions, err);
    }

    [Fact]
    public void HelpShowsExamples()
    {
        var (_, output, _) = CliHarness.Run("hypergraph", "partition", "--help");
        Assert.Contains("--part-weights", output);
        Assert.Contains("Examples:", output);
    }
}
