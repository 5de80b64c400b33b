namespace Qdc.Tests.Simulation;

/// <summary>
/// Tests that flip process-wide switches (vector paths, cost-aware fusion, the chunk size) run one
/// at a time: a flip in one test would change another's fused blocks or kernel paths mid-run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SimulationSwitches
{
    public const string Name = "simulation switches";
}
