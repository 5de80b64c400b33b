using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>
/// What one run of a circuit costs the simulator, which drops measured and reset qubits from the
/// amplitudes until a gate needs them again: the amplitudes each operation sweeps, summed, and
/// the most qubits alive at once. The width of a joined distributed program overstates its cost:
/// the README example's needs 20 slots, but most of its operations run on 17–19 live qubits.
/// </summary>
public static class SimulationWork
{
    /// <param name="liveAtStart">qubits that hold an input state; the others start in |0⟩</param>
    public static (double AmplitudeUpdates, int PeakLiveQubits) PerRun(Circuit circuit, IReadOnlyCollection<int> liveAtStart)
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
        double updates = 0;
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
                    updates += Math.Pow(2, count);
                    break;
                default:
                    // A measurement or reset reads the state once and drops its qubit.
                    updates += Math.Pow(2, count);
                    int m = op.Qubits[0];
                    count -= live[m] ? 1 : 0;
                    live[m] = false;
                    break;
            }
        }
        return (updates, peak);
    }
}
