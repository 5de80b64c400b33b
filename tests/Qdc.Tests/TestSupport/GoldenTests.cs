using Xunit.Sdk;

namespace Qdc.Tests.TestSupport;

public sealed class GoldenTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "qdc-golden-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private string PathOf(string name, string kind) => Path.Combine(_dir, $"{name}.{kind}.txt");

    [Fact]
    public void MatchingOutputPassesAndLeavesNoReceivedFile()
    {
        Golden.Verify(_dir, "same", "a\nb\n", "txt", accept: true);
        Golden.Verify(_dir, "same", "a\r\nb\r\n", "txt", accept: false);
        Assert.False(File.Exists(PathOf("same", "received")));
    }

    [Fact]
    public void MismatchWritesReceivedAndShowsTheChangedLine()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"line {i}").ToList();
        Golden.Verify(_dir, "diff", string.Join("\n", lines) + "\n", "txt", accept: true);
        lines[9] = "line ten, changed";
        string actual = string.Join("\n", lines) + "\n";
        var ex = Assert.ThrowsAny<XunitException>(() => Golden.Verify(_dir, "diff", actual, "txt", accept: false));
        Assert.Contains("-line 10\n", ex.Message, StringComparison.Ordinal);
        Assert.Contains("+line ten, changed\n", ex.Message, StringComparison.Ordinal);
        Assert.Contains(" line 9\n", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1\n", ex.Message, StringComparison.Ordinal);
        Assert.Equal(actual, File.ReadAllText(PathOf("diff", "received")));
    }

    [Fact]
    public void AcceptModeOverwritesTheVerifiedFile()
    {
        Golden.Verify(_dir, "acc", "old\n", "txt", accept: true);
        Golden.Verify(_dir, "acc", "new\n", "txt", accept: true);
        Assert.Equal("new\n", File.ReadAllText(PathOf("acc", "verified")));
        Golden.Verify(_dir, "acc", "new\n", "txt", accept: false);
    }

    [Fact]
    public void MissingVerifiedFileFailsClearly()
    {
        var ex = Assert.ThrowsAny<XunitException>(() => Golden.Verify(_dir, "nested/missing", "x\n", "txt", accept: false));
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Golden.AcceptVariable, ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("nested/missing", "verified")));
    }

    [Fact]
    public void DefaultDirectoryIsUnderTheRepositoryRoot()
    {
        var dir = Golden.DefaultDirectory();
        Assert.True(File.Exists(Path.Combine(dir, "..", "..", "..", "qdc.sln")), dir);
    }
}
