using Qdc.Circuits.Diagnostics;

namespace Qdc.Qasm.NodePrograms;

/// <summary>
/// One network primitive in a node program: its peer QPU (by index), its tag, the qubit (for
/// <see cref="NetworkCallKind.Epr"/>) or clbit (send, recv) it acts on, and where it stands:
/// just before operation <see cref="Position"/> of the program's circuit.
/// </summary>
public sealed record NetworkCall(NetworkCallKind Kind, int Peer, long Tag, int Bit, int Position, SourceLocation Location);
