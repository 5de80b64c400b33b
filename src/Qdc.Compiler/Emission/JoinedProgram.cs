using System.Collections.Immutable;
using Qdc.Circuits;

namespace Qdc.Compiler.Emission;

/// <summary>
/// Node programs joined into one circuit the simulator runs: each QPU's qubits in QPU order, pairs
/// as Bell-pair preparations, messages as conditions on the sender's clbit.
/// </summary>
/// <param name="StartMap">StartMap[i] is the joined qubit that holds source qubit i at the start.</param>
/// <param name="EndMap">EndMap[i] is the joined qubit that holds source qubit i at the end.</param>
public sealed record JoinedProgram(Circuit Circuit, ImmutableArray<int> StartMap, ImmutableArray<int> EndMap, int SourceQubits, int SourceClbits);
