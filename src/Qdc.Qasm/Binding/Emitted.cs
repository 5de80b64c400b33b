using Qdc.Circuits;

namespace Qdc.Qasm.Binding;

/// <summary>An operation produced while expanding a gate, or (with no operation) a global phase.</summary>
internal readonly record struct Emitted(Operation? Op, double Phase);
