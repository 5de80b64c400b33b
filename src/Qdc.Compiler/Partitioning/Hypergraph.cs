using System.Collections.Immutable;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// An immutable hypergraph in compressed sparse rows: weighted vertices, weighted nets, the pins
/// of each net and (transposed) the nets of each vertex. Vertex weights may be 0.
/// </summary>
public sealed class Hypergraph
{
    private readonly int[] _vertexWeights;
    private readonly int[] _netWeights;
    private readonly int[] _netOffsets;
    private readonly int[] _pins;
    private readonly int[] _vertexOffsets;
    private readonly int[] _incidentNets;

    /// <summary>Builds from flat arrays; the arrays are taken over, not copied, so callers must not keep them.</summary>
    internal Hypergraph(int[] vertexWeights, int[] netWeights, int[] netOffsets, int[] pins)
    {
        _vertexWeights = vertexWeights;
        _netWeights = netWeights;
        _netOffsets = netOffsets;
        _pins = pins;
        foreach (var w in vertexWeights)
        {
            TotalVertexWeight += w;
            MaxVertexWeight = Math.Max(MaxVertexWeight, w);
        }
        (_vertexOffsets, _incidentNets) = Transpose(vertexWeights.Length, netOffsets, pins);
    }

    public int VertexCount => _vertexWeights.Length;

    public int NetCount => _netWeights.Length;

    public int PinCount => _pins.Length;

    public long TotalVertexWeight { get; }

    public int MaxVertexWeight { get; }

    public int VertexWeight(int v) => _vertexWeights[v];

    public int NetWeight(int e) => _netWeights[e];

    public int NetSize(int e) => _netOffsets[e + 1] - _netOffsets[e];

    public ReadOnlySpan<int> Pins(int e) => _pins.AsSpan(_netOffsets[e], _netOffsets[e + 1] - _netOffsets[e]);

    public ReadOnlySpan<int> IncidentNets(int v) => _incidentNets.AsSpan(_vertexOffsets[v], _vertexOffsets[v + 1] - _vertexOffsets[v]);

    public int Degree(int v) => _vertexOffsets[v + 1] - _vertexOffsets[v];

    /// <summary>True when some vertex weight differs from 1 (hMETIS then needs fmt 10 or 11).</summary>
    public bool HasVertexWeights => Array.Exists(_vertexWeights, w => w != 1);

    public bool HasNetWeights => Array.Exists(_netWeights, w => w != 1);

    /// <summary>
    /// A hypergraph from a list of nets. Pins are kept in the given order; a net must not repeat a
    /// pin and every pin must be a vertex.
    /// </summary>
    public static Hypergraph Create(IReadOnlyList<int> vertexWeights, IReadOnlyList<IReadOnlyList<int>> nets, IReadOnlyList<int>? netWeights = null)
    {
        ArgumentNullException.ThrowIfNull(vertexWeights);
        ArgumentNullException.ThrowIfNull(nets);
        if (netWeights is not null && netWeights.Count != nets.Count)
        {
            throw new ArgumentException("one weight per net", nameof(netWeights));
        }
        var vw = vertexWeights.ToArray();
        if (Array.Exists(vw, w => w < 0))
        {
            throw new ArgumentException("vertex weights must not be negative", nameof(vertexWeights));
        }
        var offsets = new int[nets.Count + 1];
        var pins = new List<int>();
        var seen = new HashSet<int>();
        for (int e = 0; e < nets.Count; e++)
        {
            seen.Clear();
            foreach (var p in nets[e])
            {
                if ((uint)p >= (uint)vw.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(nets), p, $"net {e} has a pin that is no vertex");
                }
                if (!seen.Add(p))
                {
                    throw new ArgumentException($"net {e} repeats pin {p}", nameof(nets));
                }
                pins.Add(p);
            }
            offsets[e + 1] = pins.Count;
        }
        var nw = netWeights?.ToArray() ?? Enumerable.Repeat(1, nets.Count).ToArray();
        if (Array.Exists(nw, w => w < 0))
        {
            throw new ArgumentException("net weights must not be negative", nameof(netWeights));
        }
        return new Hypergraph(vw, nw, offsets, [.. pins]);
    }

    /// <summary>The vertex weights as an immutable copy.</summary>
    public ImmutableArray<int> VertexWeights => [.. _vertexWeights];

    private static (int[] Offsets, int[] Nets) Transpose(int vertexCount, int[] netOffsets, int[] pins)
    {
        var offsets = new int[vertexCount + 1];
        foreach (var p in pins)
        {
            offsets[p + 1]++;
        }
        for (int v = 0; v < vertexCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        var fill = offsets[..^1].ToArray();
        var nets = new int[pins.Length];
        for (int e = 0; e + 1 < netOffsets.Length; e++)
        {
            for (int i = netOffsets[e]; i < netOffsets[e + 1]; i++)
            {
                nets[fill[pins[i]]++] = e;
            }
        }
        return (offsets, nets);
    }
}
