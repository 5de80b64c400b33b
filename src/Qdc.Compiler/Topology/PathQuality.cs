using System.Collections.Immutable;

namespace Qdc.Compiler.Topology;

/// <summary>
/// The best route for an end-to-end EPR pair between two QPUs: fewest hops, then highest fidelity.
/// With entanglement swapping every hop consumes one pair, so <see cref="Hops"/> is the ebit cost;
/// the fidelity is the product of the links' fidelities (each swap composes Werner-like pairs), the
/// rate the slowest link's (all hops generate at once), and the latency the sum of the hops'
/// (swap corrections travel the whole path).
/// </summary>
public sealed record PathQuality(int Hops, ImmutableArray<int> Qpus, ImmutableArray<int> Links, double Fidelity, double Rate, double Latency)
{
    public bool IsReachable => Hops >= 0;
}
