using System.Collections.Immutable;

namespace Qdc.Compiler.Topology;

/// <summary>
/// One QPU: its capacity in data qubits, the communication qubits that hold EPR halves, its native
/// gate set and timing (seconds). Immutable; presets and defaults are already applied.
/// </summary>
public sealed record Qpu(
    string Id,
    int DataQubits,
    int CommQubits,
    Platform Platform,
    ImmutableArray<string> NativeGates,
    QpuDurations Durations,
    double T1,
    double T2)
{
    public const int DefaultCommQubits = 2;

    /// <summary>A QPU with the platform's preset gates and timings.</summary>
    public static Qpu FromPreset(string id, int dataQubits, Platform platform, int commQubits = DefaultCommQubits)
    {
        var preset = PlatformPreset.For(platform);
        return new Qpu(id, dataQubits, commQubits, platform, preset.NativeGates, preset.Durations, preset.T1, preset.T2);
    }
}
