using System.Text.Json.Nodes;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Scheduling;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Scheduling;

/// <summary>The checker itself: a good schedule passes, and each kind of fault planted in its JSON is found.</summary>
public class ScheduleCheckerTests
{
    private static (DistributedProgram Program, QdcTopology Topology, JsonNode Json) Sample()
    {
        var topology = SchedulerFixtures.Shape(2, 3, 3);
        var program = SchedulerFixtures.Program(11, topology, 9, 40, hub: false)!;
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions(), out _)!;
        string json = ScheduleJson.Write(schedule);
        Assert.Empty(ScheduleChecker.Check(json, program, topology));
        Assert.True(program.Ebits >= 2);
        return (program, topology, JsonNode.Parse(json)!);
    }

    private static JsonArray Ops(JsonNode json) => json["operations"]!.AsArray();

    private static List<string> Check(JsonNode json, DistributedProgram program, QdcTopology topology) =>
        ScheduleChecker.Check(json.ToJsonString(), program, topology);

    [Fact]
    public void PairsOverlappingOnOneGeneratorAreFound()
    {
        var (program, topology, json) = Sample();
        var eprs = Ops(json).Where(o => (string)o!["kind"]! == "epr").ToList();
        foreach (var e in eprs)
        {
            e!["link"] = (string)eprs[0]!["link"]!;
            e["start"] = 0.0;
            e["end"] = 1.0 / topology.Links[0].EprRate;
        }
        Assert.Contains(Check(json, program, topology), f => f.Contains("generators", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOperationBeforeItsDependencyIsFound()
    {
        var (program, topology, json) = Sample();
        // The first gate that uses a pair's half, moved to time 0 (before the pair exists).
        var consumer = Ops(json).First(o => (string)o!["kind"]! == "gate" && o["qubits"]!.AsArray().Any(q => ((string)q!).Contains("_comm", StringComparison.Ordinal)))!;
        double length = (double)consumer["end"]! - (double)consumer["start"]!;
        consumer["start"] = 0.0;
        consumer["end"] = length;
        Assert.Contains(Check(json, program, topology), f => f.Contains("before operation", StringComparison.Ordinal));
    }

    [Fact]
    public void AMessageThatArrivesLateIsFound()
    {
        var (program, topology, json) = Sample();
        var message = Ops(json).FirstOrDefault(o => (string)o!["kind"]! == "message");
        Assert.NotNull(message);
        message["start"] = (double)json["makespanSeconds"]!;
        message["end"] = (double)json["makespanSeconds"]!;
        Assert.Contains(Check(json, program, topology), f => f.Contains("no message arriving", StringComparison.Ordinal));
    }

    [Fact]
    public void AWrongDurationIsFound()
    {
        var (program, topology, json) = Sample();
        var gate = Ops(json).First(o => (string)o!["kind"]! == "gate")!;
        gate["end"] = (double)gate["start"]! + 1e-3;
        Assert.Contains(Check(json, program, topology), f => f.Contains("lasts", StringComparison.Ordinal));
    }

    [Fact]
    public void AStateReadFromTheWrongCommQubitIsFound()
    {
        var (program, topology, json) = Sample();
        var user = Ops(json).First(o => (string)o!["kind"]! == "measure" && ((string)o["qubits"]![0]!).Contains("_comm", StringComparison.Ordinal))!;
        string name = (string)user["qubits"]![0]!;
        user["qubits"]![0] = name[..name.IndexOf('[')] + "[7]";
        Assert.Contains(Check(json, program, topology), f => f.Contains("put the state in", StringComparison.Ordinal));
    }
}
