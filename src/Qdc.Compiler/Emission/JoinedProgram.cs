using System.Collections.Immutable;
using Qdc.Circuits;

namespace Qdc.Compiler.Emission;

/// <summary>
/// Node programs joined into one circuit the simulator runs: each QPU's qubits in QPU order, pairs
/// as Bell-pair preparations, messages as conditions on the sender's clbit.
/// </summary>
/// <param name="StartMap">StartMap[i] is the joined qubit that holds source qubit i at the start.</param>
/// <param name="EndMap">EndMap[i] is the joined qubit that holds source qubit i at the end.</param>
/// <param name="Circuit">Its clbits below <paramref name="SourceClbits"/> are the source's own, written in place.</param>
public sealed record JoinedProgram(Circuit Circuit, ImmutableArray<int> StartMap, ImmutableArray<int> EndMap, int SourceQubits, int SourceClbits)
{
    /// <summary>
    /// True when, in the joined order, a QPU read a source bit's earlier value after another
    /// measurement had overwritten it in place, or two QPUs wrote one source bit (the join does not
    /// know their order): the joined circuit then may not mean what the node programs do, and the
    /// checker must not judge it.
    /// </summary>
    public bool SourceBitOverwritten { get; init; }
}
