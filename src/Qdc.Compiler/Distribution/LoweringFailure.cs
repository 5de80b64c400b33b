namespace Qdc.Compiler.Distribution;

/// <summary>
/// The topology cannot carry the placement (e.g. a relay QPU with one communication qubit):
/// thrown inside the lowering and turned into a diagnostic by <see cref="Distributor"/>.
/// </summary>
internal sealed class LoweringFailure(string message) : Exception(message);
