using System.Collections.Immutable;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// Consecutive runs of <see cref="Qubit"/> whose gates all execute on one other QPU, the last of
/// <see cref="Path"/> (which starts at the qubit's home; <see cref="Links"/> joins its steps): the
/// qubit is teleported there hop by hop before the first gate and back after gate vertex
/// <see cref="LastGate"/>, for two pairs per hop instead of one per hop and run.
/// </summary>
internal sealed record TeledataStretch(int Qubit, ImmutableArray<int> Path, ImmutableArray<int> Links, int LastGate)
{
    public int Home => Path[0];

    public int Qpu => Path[^1];
}
