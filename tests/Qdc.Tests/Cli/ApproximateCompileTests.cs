using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Qdc.Tests.Cli;

/// <summary>
/// compile, partition and validate with --approximate: the small controlled phases of a QFT go,
/// fewer pairs are spent, report.json says what went, and validation checks the approximate
/// circuit (and notices when it is held against the exact one).
/// </summary>
public class ApproximateCompileTests
{
    private const string Topology = "{ \"name\": \"two\", \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 6 }, { \"id\": \"b\", \"dataQubits\": 6 } ], \"links\": [ { \"between\": [\"a\", \"b\"] } ] }\n";

    private static string Qft(int n)
    {
        var text = new StringBuilder("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n").Append(CultureInfo.InvariantCulture, $"qreg q[{n}];\n");
        for (int j = 0; j < n; j++)
        {
            text.Append(CultureInfo.InvariantCulture, $"h q[{j}];\n");
            for (int k = j + 1; k < n; k++)
            {
                text.Append(CultureInfo.InvariantCulture, $"cp(pi/{1 << (k - j)}) q[{k}],q[{j}];\n");
            }
        }
        return text.ToString();
    }

    private static int Ebits(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
        return doc.RootElement.GetProperty("ebits").GetInt32();
    }

    [Fact]
    public void AnApproximateQftSpendsFewerPairsAndValidatesAgainstTheApproximateCircuit()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["qft.qasm"], Qft(10));
        File.WriteAllText(dir["two.json"], Topology);
        var (exit, output, err) = CliHarness.Run("compile", dir["qft.qasm"], "--topology", dir["two.json"], "-o", dir["exact"], "--validate");
        Assert.True(exit == 0, err);
        Assert.DoesNotContain("approximate", output);
        (exit, output, err) = CliHarness.Run("compile", dir["qft.qasm"], "--topology", dir["two.json"], "-o", dir["approx"], "--approximate", "0.2", "--validate");
        Assert.True(exit == 0, err);
        Assert.Contains("validated: equivalent", output);
        // cp(π/16) = 0.196 and smaller are below 0.2: 6 + 5 + … + 1 of them in a QFT of 10.
        Assert.Contains("approximate: 21 two-qubit phase gates below 0.2 rad dropped", output);
        Assert.True(Ebits(dir["approx"]) < Ebits(dir["exact"]), $"{Ebits(dir["approx"])} vs {Ebits(dir["exact"])}");

        using (var doc = JsonDocument.Parse(File.ReadAllText(dir["approx/report.json"])))
        {
            var a = doc.RootElement.GetProperty("approximation");
            Assert.Equal(0.2, a.GetProperty("belowRadians").GetDouble());
            Assert.Equal(21, a.GetProperty("droppedGates").GetInt32());
            // Σ over distances d ≥ 4 of (10 − d) · 2 sin(π / 2^d / 4).
            double bound = Enumerable.Range(4, 6).Sum(d => (10 - d) * 2 * Math.Sin(Math.PI / (1 << d) / 4));
            Assert.Equal(bound, a.GetProperty("errorBound").GetDouble(), 12);
        }
        Assert.False(JsonDocument.Parse(File.ReadAllText(dir["exact/report.json"])).RootElement.TryGetProperty("approximation", out _));

        (exit, output, err) = CliHarness.Run("validate", dir["qft.qasm"], dir["approx"]);
        Assert.True(exit == 0, err);
        Assert.Contains("checking the approximate circuit", output);

        // Held against the exact circuit (an exact run's report.json), the approximate programs fail.
        File.Copy(dir["exact/report.json"], dir["approx/report.json"], overwrite: true);
        (exit, _, err) = CliHarness.Run("validate", dir["qft.qasm"], dir["approx"]);
        Assert.True(exit == 3, err);
        Assert.Contains("validation failed", err);
    }

    [Fact]
    public void PartitionPrintsWhatItDropped()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["qft.qasm"], Qft(10));
        File.WriteAllText(dir["two.json"], Topology);
        var (exit, output, err) = CliHarness.Run("partition", dir["qft.qasm"], "--topology", dir["two.json"], "--approximate", "0.2");
        Assert.True(exit == 0, err);
        Assert.Contains("approximate: 21 two-qubit phase gates below 0.2 rad dropped", output);
        Assert.Contains("ebits 3 ", output);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("4")]
    [InlineData("NaN")]
    public void AnAngleOutsideZeroToPiIsAUsageError(string angle)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["qft.qasm"], Qft(4));
        var (exit, _, err) = CliHarness.Run("compile", dir["qft.qasm"], "-o", dir["out"], "--approximate", angle);
        Assert.Equal(2, exit);
        Assert.Contains("--approximate must be an angle in radians from 0 to π", err);
    }
}
