using Qdc.Circuits;
using Qdc.Qasm.NodePrograms;

namespace Qdc.Compiler.Emission;

/// <summary>
/// Chooses the joined circuit's qubits, so that it needs only the data qubits plus the other
/// qubits alive at once, not every node's every qubit. Qubits that hold source qubits keep one
/// joined qubit throughout. Any other qubit (a communication qubit) gets one when it is first
/// used and gives it back when it is measured and its next use resets it (or there is none):
/// a measured qubit is a product state, and the reset makes whatever it held irrelevant. A qubit
/// that is first used without a reset gets a joined qubit never used before, which is still |0⟩.
/// </summary>
internal sealed class QubitRecycler
{
    private readonly int[][] _joined;
    private readonly bool[][] _held;
    private readonly bool[][] _releaseAfter;
    private readonly SortedSet<int> _free = [];

    public QubitRecycler(IReadOnlyList<NodeProgramSyntax> nodes)
    {
        _joined = new int[nodes.Count][];
        _held = new bool[nodes.Count][];
        _releaseAfter = new bool[nodes.Count][];
        for (int n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            _joined[n] = new int[node.Circuit.QubitCount];
            Array.Fill(_joined[n], -1);
            _held[n] = new bool[node.Circuit.QubitCount];
            foreach (var h in node.Header.Holdings)
            {
                _held[n][h.Qubit] = true;
                _joined[n][h.Qubit] = Count++;
            }
            _releaseAfter[n] = ReleasePoints(node, _held[n]);
        }
    }

    /// <summary>Joined qubits used so far.</summary>
    public int Count { get; private set; }

    public int Held(int node, int qubit) => _joined[node][qubit];

    /// <summary>The joined qubit of a node's qubit, taking one if it has none; <paramref name="fresh"/>: the use starts by resetting it.</summary>
    public int Take(int node, int qubit, bool fresh)
    {
        if (_joined[node][qubit] < 0)
        {
            if (fresh && _free.Count > 0)
            {
                _joined[node][qubit] = _free.Min;
                _free.Remove(_free.Min);
            }
            else
            {
                _joined[node][qubit] = Count++;
            }
        }
        return _joined[node][qubit];
    }

    /// <summary>After operation <paramref name="operation"/> of the node measured the qubit.</summary>
    public void Measured(int node, int operation, int qubit)
    {
        if (_releaseAfter[node][operation])
        {
            _free.Add(_joined[node][qubit]);
            _joined[node][qubit] = -1;
        }
    }

    /// <summary>Per operation: a measurement after which the qubit is next reset (by reset or epr) or never used again.</summary>
    private static bool[] ReleasePoints(NodeProgramSyntax node, bool[] held)
    {
        var ops = node.Circuit.Operations;
        var release = new bool[ops.Length];
        var nextResets = Enumerable.Repeat(true, node.Circuit.QubitCount).ToArray();
        int call = node.Calls.Length - 1;
        for (int i = ops.Length; i >= 0; i--)
        {
            // Backwards: operation i, then the calls placed just before it.
            if (i < ops.Length)
            {
                var op = ops[i];
                if (op is MeasureOperation m)
                {
                    release[i] = !held[m.Qubit] && nextResets[m.Qubit];
                }
                bool resets = op is ResetOperation { Condition: null };
                foreach (int q in op.Qubits)
                {
                    nextResets[q] = resets;
                }
            }
            for (; call >= 0 && node.Calls[call].Position >= i; call--)
            {
                if (node.Calls[call].Kind == NetworkCallKind.Epr)
                {
                    nextResets[node.Calls[call].Bit] = true;
                }
            }
        }
        return release;
    }
}
