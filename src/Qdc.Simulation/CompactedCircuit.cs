using System.Collections.Immutable;
using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>
/// A circuit on fewer qubits (slots) and where each original qubit went: SlotAtStart[q] holds q
/// in its first interval, SlotAtEnd[q] at the end (-1 when q is not alive then).
/// </summary>
public sealed record CompactedCircuit(Circuit Circuit, ImmutableArray<int> SlotAtStart, ImmutableArray<int> SlotAtEnd);
