using System.Collections.Immutable;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Qasm.NodePrograms;

/// <summary>
/// What a node program's <c>pragma qdc …</c> lines state: which QPU it is, the QPUs it may name
/// as peers, the source circuit's size, which source qubit each local qubit holds at the start and
/// at the end, and which source clbits it measures into.
/// </summary>
public sealed record NodeHeader(
    int Index,
    string Id,
    SourceLocation Location,
    ImmutableSortedDictionary<int, string> Peers,
    int SourceQubits,
    int SourceClbits,
    ImmutableArray<QubitHolding> Holdings,
    ImmutableArray<int> Writes);

/// <summary>Local qubit <see cref="Qubit"/> holds source qubit <see cref="Start"/> at the start and <see cref="End"/> at the end.</summary>
public sealed record QubitHolding(int Qubit, int Start, int End, SourceLocation Location);
