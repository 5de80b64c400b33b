namespace Qdc.Compiler.Partitioning;

/// <summary>
/// The circuit hypergraph cut in time, so that the partitioner itself can choose teledata: each
/// run of a qubit gets its own vertex (where the qubit is while the run's gates act), and
/// consecutive runs of a qubit are joined by a two-pin net that costs one pair when they sit on
/// different QPUs, a teleport. A qubit's first segment is the qubit itself (weight 1: its home
/// slot); later segments weigh 0, because a visiting qubit lives on a communication qubit.
/// Vertices 0..QubitCount are the qubits and the gate vertices follow as in
/// <see cref="CircuitHypergraph"/>, so a partition's first blocks are a placement as they are.
/// A run on another QPU than its neighbours costs two teleports, one more than a telegate, so
/// the partitioner moves a qubit only for stretches of runs that pay for the trip.
/// </summary>
internal static class SegmentedHypergraph
{
    public static Hypergraph Build(CircuitHypergraph circuit)
    {
        var graph = circuit.Graph;
        int n = circuit.QubitCount;
        var weights = new List<int>(graph.VertexCount + graph.NetCount);
        for (int v = 0; v < graph.VertexCount; v++)
        {
            weights.Add(v < n ? 1 : 0);
        }
        var runs = new (int First, int Net)[graph.NetCount];
        for (int e = 0; e < graph.NetCount; e++)
        {
            runs[e] = (circuit.FirstGate(e), e);
        }
        Array.Sort(runs);
        var nets = new List<IReadOnlyList<int>>(2 * graph.NetCount);
        var lastSegment = new int[n];
        Array.Fill(lastSegment, -1);
        foreach (var (_, e) in runs)
        {
            int q = circuit.NetQubit[e];
            int segment = q;
            if (lastSegment[q] >= 0)
            {
                segment = weights.Count;
                weights.Add(0);
                nets.Add([lastSegment[q], segment]);
            }
            lastSegment[q] = segment;
            var pins = new List<int>(graph.NetSize(e)) { segment };
            foreach (int pin in graph.Pins(e))
            {
                if (pin >= n)
                {
                    pins.Add(pin);
                }
            }
            nets.Add(pins);
        }
        return Hypergraph.Create(weights, nets);
    }
}
