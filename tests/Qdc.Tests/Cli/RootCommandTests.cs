namespace Qdc.Tests.Cli;

public class RootCommandTests
{
    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var (exit, _, err) = CliHarness.Run("--no-such-option");
        Assert.Equal(2, exit);
        Assert.Contains("--no-such-option", err);
    }

    [Fact]
    public void VersionPrintsTheBuildVersion()
    {
        var (exit, output, _) = CliHarness.Run("--version");
        Assert.Equal(0, exit);
        Assert.StartsWith("0.1.0", output.Trim());
    }
}
