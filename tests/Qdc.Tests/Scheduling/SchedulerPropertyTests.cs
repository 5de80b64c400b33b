using Qdc.Compiler.Scheduling;
using Xunit.Abstractions;
using SplitMix64 = Qdc.Tests.TestSupport.SplitMix64;

namespace Qdc.Tests.Scheduling;

/// <summary>Random programs on random mixed topologies: the independent checker finds no fault in schedule.json, for either timing and each grant rule alone, and no makespan is below <see cref="Scheduler.LowerBound"/>.</summary>
public class SchedulerPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 80;

    [Fact]
    public void EveryResourceIsRespectedOnRandomPrograms()
    {
        long pairs = 0;
        int infeasible = 0, stronger = 0, reordered = 0, longer = 0;
        for (int seed = 0; seed < Cases; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 7000);
            int qpus = 2 + rng.Next(4);
            int capacity = 2 + rng.Next(3);
            var topology = SchedulerFixtures.Mixed(SchedulerFixtures.Shape(seed % 3, qpus, capacity), rng);
            int qubits = Math.Min(10, qpus * capacity);
            // The partitioner's placements are realistic but slow to make; scattered ones are fast and stress the network.
            var program = seed % 5 == 0
                ? SchedulerFixtures.Program(seed, topology, qubits, 20 + rng.Next(40), hub: seed % 4 == 1)
                : SchedulerFixtures.Scattered(seed, topology, qubits, 20 + rng.Next(40), hub: seed % 4 == 1, rng);
            if (program is null)
            {
                // A relay through a QPU with one communication qubit cannot be lowered (QDC0850).
                infeasible++;
                continue;
            }
            pairs += program.Ebits;
            var makespans = new List<double>();
            foreach (var timing in new[] { EprTiming.Prefetch, EprTiming.OnDemand })
            {
                double? min = seed % 3 == 0 ? 0.9 : null;
                var options = new SchedulerOptions { Timing = timing, MinPairFidelity = min };
                var schedule = Scheduler.Schedule(program, topology, options, out string? why);
                Assert.True(schedule is not null, why);
                var faults = ScheduleChecker.Check(ScheduleJson.Write(schedule), program, topology);
                Assert.True(faults.Count == 0, $"seed {seed} {timing}: {string.Join("\n", faults.Take(10))}");
                stronger += LowerBoundHolds(schedule, program, topology, options) ? 1 : 0;
                makespans.Add(schedule.MakespanSeconds);
            }
            // Generating ahead is a permission, not an obligation: prefetch never loses to on demand.
            Assert.True(makespans[0] <= makespans[1], $"seed {seed}: prefetch {makespans[0]} s, on demand {makespans[1]} s");
            longer += makespans[0] < makespans[1] ? 0 : 1;
            // Each grant rule alone, so the out-of-order one is checked even where the other wins.
            var single = new[] { GrantRule.Cautious, GrantRule.Reserve }.Select(rule =>
            {
                var options = new SchedulerOptions { Rules = [rule] };
                var schedule = Scheduler.Schedule(program, topology, options, out string? why);
                Assert.True(schedule is not null, $"seed {seed} {rule}: {why}");
                string json = ScheduleJson.Write(schedule);
                var faults = ScheduleChecker.Check(json, program, topology);
                Assert.True(faults.Count == 0, $"seed {seed} {rule}: {string.Join("\n", faults.Take(10))}");
                LowerBoundHolds(schedule, program, topology, options);
                return json;
            }).ToList();
            reordered += single[0] != single[1] ? 1 : 0;
        }
        output.WriteLine($"{Cases} cases ({infeasible} infeasible), {pairs} pairs; the chain bound beat the issue's in {stronger} runs; the grant rules differ in {reordered} cases; prefetch only tied on demand in {longer}");
        Assert.True(reordered > 0, "the reserve rule should grant differently somewhere");
        Assert.True(stronger > 0, "the chain bound should be stronger somewhere");
        Assert.True(infeasible <= Cases / 4, $"{infeasible} of {Cases} cases could not be lowered");
        Assert.True(pairs > Cases, "the cases should use the network");
    }

    [Fact]
    public void TheCheckerCatchesABrokenSchedule()
    {
        var topology = SchedulerFixtures.Shape(0, 3, 3);
        var program = SchedulerFixtures.Program(3, topology, 9, 40, hub: true)!;
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions(), out _)!;
        string json = ScheduleJson.Write(schedule);
        Assert.Empty(ScheduleChecker.Check(json, program, topology));
        // Every pair squeezed into the same instant: generators, comm qubits and dependencies all break.
        string broken = System.Text.RegularExpressions.Regex.Replace(json, "\"start\": [0-9.eE+-]+", "\"start\": 0");
        Assert.NotEmpty(ScheduleChecker.Check(broken, program, topology));
    }

    // No schedule beats the dependencies or the busiest link's generators, nor Scheduler.LowerBound, which is at least
    // that; true when the latter is the stronger.
    private static bool LowerBoundHolds(Schedule schedule, Compiler.Distribution.DistributedProgram program, Compiler.Topology.Topology topology, SchedulerOptions options)
    {
        Assert.True(schedule.MakespanSeconds >= schedule.CriticalPathSeconds - 1e-12);
        double issue = schedule.CriticalPathSeconds;
        for (int l = 0; l < topology.Links.Length; l++)
        {
            var link = topology.Links[l];
            double bound = schedule.Links[l].RawPairs / link.EprRate / link.ParallelPairs;
            Assert.True(schedule.MakespanSeconds >= bound - 1e-12, $"link {l}: makespan {schedule.MakespanSeconds} below {bound}");
            issue = Math.Max(issue, bound);
        }
        double chain = Scheduler.LowerBound(program, topology, options)!.Value;
        Assert.True(chain <= schedule.MakespanSeconds * (1 + 1e-12), $"chain bound {chain} above makespan {schedule.MakespanSeconds}");
        Assert.True(chain >= issue * (1 - 1e-12), $"chain bound {chain} below the issue's {issue}");
        return chain > issue * (1 + 1e-9);
    }
}
