namespace Qdc.Compiler.Distribution;

/// <summary>
/// Consecutive runs of <see cref="Qubit"/> whose gates all execute on <see cref="Qpu"/>, a neighbour
/// of its home across <see cref="Link"/>: the qubit is teleported there before the first gate and
/// back after gate vertex <see cref="LastGate"/>, for two pairs instead of one per run.
/// </summary>
internal sealed record TeledataStretch(int Qubit, int Home, int Qpu, int Link, int LastGate);
