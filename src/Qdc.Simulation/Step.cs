using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>One step of a compiled circuit: a (possibly fused) gate, a measurement or a reset, perhaps conditioned.</summary>
internal sealed record Step(StepKind Kind, CompiledGate? Gate, int Qubit, int Clbit, Condition? Condition);
