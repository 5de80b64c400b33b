using Qdc.Compiler.Distribution;
using Qdc.Tests.Distribution;
using Qdc.Tests.TestSupport;
using Xunit.Abstractions;

namespace Qdc.Tests.Emission;

/// <summary>
/// Sources with mid-circuit measurement and `if`, through emitted node programs and back: the
/// joined circuit keeps the source's clbits in place, so the checker compares the programs branch
/// by branch on the source's own outcomes. Before the joiner did so, every such source failed.
/// Programs where two QPUs write one source bit (random sources do that often) cannot be ordered
/// by the join and are skipped, as `qdc validate` does; the rest must be equivalent.
/// </summary>
public class ControlFlowRoundTripTests(ITestOutputHelper output)
{
    private const int Cases = 80;

    [Fact]
    public void MidCircuitMeasurementAndIfComeBackEquivalent()
    {
        int checkedCases = 0, skipped = 0;
        for (int seed = 0; seed < Cases; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 9100);
            int qubits = 3 + rng.Next(4);
            var source = ControlFlowCircuits.Random(rng, qubits, 12 + rng.Next(12));
            var topology = ControlFlowCircuits.Topology(rng, qubits, out string shape);
            var strategy = (DistributionStrategy)(seed % 3);
            var nodes = NodeFixtures.Emit(source, topology, strategy, (ulong)seed, quick: true);
            if (nodes.IsEmpty)
            {
                skipped++;
                continue;
            }
            var (joined, bag) = NodeFixtures.Join(nodes.Select(n => (n.FileName, n.Text)));
            string what = $"seed {seed}: {qubits} qubits on a {shape}, {strategy}";
            Assert.True(joined is not null, $"{what}: {string.Join("\n", bag.Items.Select(d => d.Format()))}");
            if (joined!.SourceBitOverwritten || joined.Circuit.QubitCount > 14)
            {
                skipped++;
                continue;
            }
            var result = NodeFixtures.Validate(source, joined);
            Assert.True(result.Equivalent, $"{what}: {result}");
            checkedCases++;
        }
        output.WriteLine($"{checkedCases} of {Cases} checked, {skipped} skipped");
        Assert.True(checkedCases >= Cases / 3, $"only {checkedCases} of {Cases} cases were checked");
    }

    [Fact]
    public void TheFeedForwardExampleValidatesThroughItsNodePrograms()
    {
        using var dir = new Cli.TempDirectory();
        var (exit, stdout, stderr) = Cli.CliHarness.Run(
            "compile", Path.Combine(RepoPaths.Root, "examples", "teleport-chain.qasm"),
            "--topology", Path.Combine(RepoPaths.Root, "examples", "line4.json"), "-o", dir.Path, "--validate");
        Assert.True(exit == 0, stderr);
        Assert.Contains("validated: equivalent", stdout);
    }
}
