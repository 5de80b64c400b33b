namespace Qdc.Compiler.Distribution;

/// <summary>Choices of the lowering phase.</summary>
public sealed record DistributionOptions
{
    /// <summary>Telegate by default, so the ebits spent match the placement's prediction.</summary>
    public DistributionStrategy Strategy { get; init; } = DistributionStrategy.Telegate;

    /// <summary>
    /// A teleported qubit moves from the communication qubit it lands in to a data qubit its new
    /// QPU leaves empty, when there is one, so it holds no communication qubit while it stays.
    /// </summary>
    public bool ParkVisitors { get; init; } = true;
}
