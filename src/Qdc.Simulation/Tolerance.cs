namespace Qdc.Simulation;

internal static class Tolerance
{
    /// <summary>An outcome less likely than this is treated as impossible (rounding noise, not physics).</summary>
    public const double ZeroProbability = 1e-12;
}
