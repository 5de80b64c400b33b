using System.Collections.Immutable;

namespace Qdc.Circuits.Decompositions;

/// <summary>
/// Gates that, applied in order and multiplied by e^{i·<see cref="GlobalPhase"/>}, equal the
/// decomposed operation exactly.
/// </summary>
public sealed record Decomposition(ImmutableArray<GateOperation> Operations, double GlobalPhase);
