using Qdc.Circuits;
using Qdc.Qasm.NodePrograms;

namespace Qdc.Compiler.Emission;

/// <summary>
/// One step of a node's program while it is emitted: an operation on the node's own qubits and
/// clbits, or (when <see cref="Operation"/> is null) a network call on qubit or clbit <see cref="Bit"/>,
/// or, when <see cref="Delay"/> is positive, a wait of that many seconds on qubit <see cref="Bit"/>.
/// </summary>
internal sealed record NodeStep(Operation? Operation, NetworkCallKind Kind = NetworkCallKind.Epr, int Peer = -1, int Tag = -1, int Bit = -1, double Delay = 0)
{
    public bool IsDelay => Operation is null && Delay > 0;

    public static NodeStep Network(NetworkCallKind kind, int peer, int tag, int bit) => new(null, kind, peer, tag, bit);

    /// <summary>A delay; its Kind stays Epr so the translator flushes the qubit before it, as for an epr call.</summary>
    public static NodeStep Wait(int qubit, double seconds) => new(null, NetworkCallKind.Epr, -1, -1, qubit, seconds);
}
