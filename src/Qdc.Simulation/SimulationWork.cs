using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>
/// What one run of a circuit costs the simulator, which drops measured and reset qubits from the
/// amplitudes until a gate needs them again: the amplitudes each operation sweeps, summed, the
/// most qubits alive at once, and an estimate of the CPU time. The width of a joined distributed
/// program overstates its cost: the README example's needs 20 slots, but most of its operations
/// run on 17–19 live qubits.
/// </summary>
public static class SimulationWork
{
    /// <summary>Up to 2^21 amplitudes (32 MiB) a state stays in a server's L3; past it every sweep goes to memory.</summary>
    private const int CachedQubits = 21;

    // CPU seconds per amplitude update, measured with the validate benchmark: qft16 on dc4 (17–20
    // live qubits) 0.2 ns; cat_state_n22 on dc4 (22–24, a sweep per operation between its
    // measurements) about 1.5 ns.
    private const double CachedSeconds = 0.25e-9, MemorySeconds = 1.5e-9;

    /// <param name="liveAtStart">qubits that hold an input state; the others start in |0⟩</param>
    public static (double AmplitudeUpdates, int PeakLiveQubits, double CpuSeconds) PerRun(Circuit circuit, IReadOnlyCollection<int> liveAtStart)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(liveAtStart);
        var live = new bool[circuit.QubitCount];
        int count = 0;
        foreach (int q in liveAtStart)
        {
            count += live[q] ? 0 : 1;
            live[q] = true;
        }
        int peak = count;
        double updates = 0, seconds = 0;
        void Sweep()
        {
            double amplitudes = Math.Pow(2, count);
            updates += amplitudes;
            seconds += amplitudes * (count <= CachedQubits ? CachedSeconds : MemorySeconds);
        }
        foreach (var op in circuit.Operations)
        {
            switch (op)
            {
                case BarrierOperation:
                    continue;
                case GateOperation:
                    foreach (int q in op.Qubits)
                    {
                        count += live[q] ? 0 : 1;
                        live[q] = true;
                    }
                    peak = Math.Max(peak, count);
                    Sweep();
                    break;
                default:
                    // A measurement or reset reads the state once and drops its qubit.
                    Sweep();
                    int m = op.Qubits[0];
                    count -= live[m] ? 1 : 0;
                    live[m] = false;
                    break;
            }
        }
        return (updates, peak, seconds);
    }
}
