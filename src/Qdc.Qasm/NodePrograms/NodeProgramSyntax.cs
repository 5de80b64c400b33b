using System.Collections.Immutable;
using Qdc.Circuits;

namespace Qdc.Qasm.NodePrograms;

/// <summary>
/// A node program as the front end reads it: the local circuit (the IR knows nothing of networks),
/// the header, and the network calls in program order, each placed between the circuit's operations.
/// </summary>
public sealed record NodeProgramSyntax(Circuit Circuit, NodeHeader Header, ImmutableArray<NetworkCall> Calls);
