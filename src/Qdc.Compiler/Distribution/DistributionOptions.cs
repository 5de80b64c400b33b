namespace Qdc.Compiler.Distribution;

/// <summary>Choices of the lowering phase.</summary>
public sealed record DistributionOptions
{
    /// <summary>Telegate by default, so the ebits spent match the placement's prediction.</summary>
    public DistributionStrategy Strategy { get; init; } = DistributionStrategy.Telegate;
}
