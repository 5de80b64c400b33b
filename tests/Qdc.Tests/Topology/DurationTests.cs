using Qdc.Compiler.Topology;

namespace Qdc.Tests.Topology;

public class DurationTests
{
    [Theory]
    [InlineData("30ns", 30e-9)]
    [InlineData("1us", 1e-6)]
    [InlineData("1µs", 1e-6)]
    [InlineData("2.5ms", 2.5e-3)]
    [InlineData("10s", 10)]
    [InlineData(" 5 us ", 5e-6)]
    [InlineData("1e-3s", 1e-3)]
    [InlineData("0s", 0)]
    public void ParsesEveryUnit(string text, double seconds)
    {
        Assert.Equal(seconds, Duration.TryParse(text, out string error)!.Value, 15);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("100dt", "unknown unit 'dt'")]
    [InlineData("5min", "unknown unit 'min'")]
    [InlineData("100", "has no unit")]
    [InlineData("fast", "is not a duration")]
    [InlineData("-1us", "negative")]
    [InlineData("", "is not a duration")]
    public void RejectsWithAReason(string text, string reason)
    {
        Assert.Null(Duration.TryParse(text, out string error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30e-9, "30ns")]
    [InlineData(1e-6, "1us")]
    [InlineData(1.5e-4, "150us")]
    [InlineData(1e-3, "1ms")]
    [InlineData(10, "10s")]
    [InlineData(0, "0")]
    public void FormatsReadably(double seconds, string text) => Assert.Equal(text, Duration.Format(seconds));
}
