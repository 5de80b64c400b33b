using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Emission;

/// <summary>
/// Each node qubit's own clock while a node's program is cut out of a scheduled one: before an
/// operation, every operand that would be idle until the operation's scheduled start gets a
/// delay step. A delay is the formatted text's value, and the clock advances by exactly that,
/// so rounding in the text never accumulates along a qubit.
/// </summary>
internal sealed class NodeClock(int qubits)
{
    // Gaps below a picosecond are arithmetic noise, not waits.
    private const double Noise = 1e-12;

    private readonly double[] _time = new double[qubits];

    /// <summary>Delays the qubits to <paramref name="start"/> and then lets them run until <paramref name="end"/>.</summary>
    public void Run(NodeStream node, IEnumerable<int> qubits, double start, double end)
    {
        foreach (int q in qubits.Distinct())
        {
            double gap = start - _time[q];
            if (gap >= Noise)
            {
                double wait = Rounded(gap);
                if (wait > 0)
                {
                    node.Add(NodeStep.Wait(q, wait));
                    _time[q] += wait;
                }
            }
            _time[q] += end - start;
        }
    }

    /// <summary>Seconds as the delay text will say them.</summary>
    public static double Rounded(double seconds) => Duration.TryParse(Duration.Format(seconds), out _) ?? seconds;
}
