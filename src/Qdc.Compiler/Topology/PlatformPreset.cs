using System.Collections.Immutable;

namespace Qdc.Compiler.Topology;

/// <summary>
/// Native gates and timings per platform. The figures are typical published orders of magnitude,
/// not any one device; a topology file overrides any of them:
/// - superconducting (transmons, e.g. IBM Heron class): 1q ~30 ns, 2q ~300 ns, measure ~1 µs,
///   reset ~1 µs; T1 ~100 µs, T2 ~80 µs; natives rz, sx, x, cz.
/// - trapped-ion (hyperfine ions, e.g. Quantinuum/IonQ class): 1q ~10 µs, 2q ~200 µs (100–200 µs
///   Mølmer–Sørensen), measure ~100 µs, reset ~50 µs; T1 seconds (10 s), T2 ~1 s; natives rz, rx,
///   ry, rzz.
/// - neutral-atom (Rydberg arrays): 1q ~1 µs, 2q ~1 µs, measure ~1 ms, reset ~100 µs; T1 seconds
///   (10 s), T2 ~1 s; natives rz, rx, ry, cz.
/// - generic (no platform given): DESIGN.md's default gates u and cx with superconducting timings.
/// </summary>
public sealed record PlatformPreset(Platform Platform, ImmutableArray<string> NativeGates, QpuDurations Durations, double T1, double T2)
{
    public static readonly ImmutableArray<string> DefaultNativeGates = ["u", "cx"];

    public static PlatformPreset Superconducting { get; } = new(
        Platform.Superconducting, ["rz", "sx", "x", "cz"], new QpuDurations(30e-9, 300e-9, 1e-6, 1e-6), 100e-6, 80e-6);

    public static PlatformPreset TrappedIon { get; } = new(
        Platform.TrappedIon, ["rz", "rx", "ry", "rzz"], new QpuDurations(10e-6, 200e-6, 100e-6, 50e-6), 10, 1);

    public static PlatformPreset NeutralAtom { get; } = new(
        Platform.NeutralAtom, ["rz", "rx", "ry", "cz"], new QpuDurations(1e-6, 1e-6, 1e-3, 100e-6), 10, 1);

    public static PlatformPreset Generic { get; } = Superconducting with { Platform = Platform.Generic, NativeGates = DefaultNativeGates };

    public static PlatformPreset For(Platform platform) => platform switch
    {
        Platform.Superconducting => Superconducting,
        Platform.TrappedIon => TrappedIon,
        Platform.NeutralAtom => NeutralAtom,
        _ => Generic,
    };

    /// <summary>The platform's name in dc.json.</summary>
    public static string NameOf(Platform platform) => platform switch
    {
        Platform.Superconducting => "superconducting",
        Platform.TrappedIon => "trapped-ion",
        Platform.NeutralAtom => "neutral-atom",
        _ => "generic",
    };

    public static Platform? Parse(string name) => name switch
    {
        "superconducting" => Platform.Superconducting,
        "trapped-ion" => Platform.TrappedIon,
        "neutral-atom" => Platform.NeutralAtom,
        "generic" => Platform.Generic,
        _ => null,
    };
}
