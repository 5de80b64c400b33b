using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// Default error probability per operation by platform, for the success estimate. Typical
/// published orders of magnitude, like <see cref="PlatformPreset"/>'s timings, not any one device:
/// superconducting 1q 2·10⁻⁴, 2q 5·10⁻³, measure 10⁻², reset 10⁻³; trapped-ion 1q 10⁻⁴,
/// 2q 2·10⁻³, measure 10⁻³, reset 10⁻³; neutral-atom 1q 10⁻³, 2q 5·10⁻³, measure 10⁻², reset 10⁻³.
/// Generic uses the superconducting figures.
/// </summary>
public sealed record ErrorRates(double OneQubit, double TwoQubit, double Measure, double Reset)
{
    public static ErrorRates For(Platform platform) => platform switch
    {
        Platform.TrappedIon => new(1e-4, 2e-3, 1e-3, 1e-3),
        Platform.NeutralAtom => new(1e-3, 5e-3, 1e-2, 1e-3),
        _ => new(2e-4, 5e-3, 1e-2, 1e-3),
    };
}
