using System.Collections.Immutable;
using System.Globalization;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Graphs;

namespace Qdc.Compiler.Topology;

/// <summary>
/// Turns a schema-checked JSON tree into a <see cref="Topology"/>: applies presets and defaults,
/// parses durations and checks what a schema cannot say (unique ids, known link ends, no self or
/// duplicate links, a connected graph). Values of the wrong shape were already reported by the
/// schema and are skipped here without a second message.
/// </summary>
internal sealed class TopologyBuilder(JsonSourceText source, DiagnosticBag bag)
{
    public Topology? Build(LocatedJson root, string defaultName)
    {
        string name = root["name"] is { Kind: JsonKind.String } n ? n.String! : defaultName;
        bool swapping = root["swapping"] is not { Kind: JsonKind.Boolean } s || s.Boolean;
        var qpuNodes = root["qpus"] is { Kind: JsonKind.Array } qa ? qa.Items : [];

        // Identity first, from every QPU that has an id, so that duplicate and unknown ids are
        // reported even when a QPU's other fields are wrong.
        var ids = new List<string>();
        var idNodes = new List<LocatedJson>();
        bool complete = true;
        foreach (var node in qpuNodes)
        {
            if (node["id"] is not { Kind: JsonKind.String } idNode)
            {
                complete = false;
                continue;
            }
            int first = ids.IndexOf(idNode.String!);
            if (first >= 0)
            {
                source.Error(bag, TopologyDiagnosticCodes.DuplicateQpu,
                    $"QPU id '{idNode.String}' is already used by {idNodes[first].Path} (line {idNodes[first].Line.ToString(CultureInfo.InvariantCulture)})", idNode);
                complete = false;
                continue;
            }
            ids.Add(idNode.String!);
            idNodes.Add(idNode);
        }
        var qpus = new List<Qpu>();
        foreach (var node in qpuNodes)
        {
            if (BuildQpu(node) is { } qpu && ids.IndexOf(qpu.Id) == qpus.Count)
            {
                qpus.Add(qpu);
            }
            else
            {
                complete = false;
            }
        }

        var linksNode = root["links"];
        var links = new List<Link>();
        var seen = new List<(int A, int B, LocatedJson Node)>();
        foreach (var node in linksNode is { Kind: JsonKind.Array } la ? la.Items : [])
        {
            if (ResolveEnds(node, ids) is not var (a, b))
            {
                complete = false;
                continue;
            }
            int earlier = seen.FindIndex(l => (l.A == a && l.B == b) || (l.A == b && l.B == a));
            if (earlier >= 0)
            {
                var e = seen[earlier].Node;
                source.Error(bag, TopologyDiagnosticCodes.DuplicateLink,
                    $"a second link between '{ids[a]}' and '{ids[b]}'; the first is {e.Path} (line {e.Line.ToString(CultureInfo.InvariantCulture)}). Give one link with the combined rate or parallelPairs",
                    node["between"]!);
                complete = false;
                continue;
            }
            seen.Add((a, b, node));
            if (BuildLink(node, a, b) is { } link)
            {
                links.Add(link);
            }
            else
            {
                complete = false;
            }
        }

        var topology = new Topology(name, [.. qpus], [.. links], swapping);
        // A graph built from partial data would report spurious disconnections.
        if (complete && qpus.Count > 1)
        {
            CheckConnectivity(topology, linksNode ?? root);
        }
        return topology;
    }

    private Qpu? BuildQpu(LocatedJson node)
    {
        if (node.Kind != JsonKind.Object || node["id"] is not { Kind: JsonKind.String } idNode)
        {
            return null;
        }
        var platform = node["platform"] is { Kind: JsonKind.String } p ? PlatformPreset.Parse(p.String!) : Platform.Generic;
        var preset = PlatformPreset.For(platform ?? Platform.Generic);
        int? data = Int(node["dataQubits"]);
        if (data is null && node["dataQubits"] is { Kind: JsonKind.Number } big && Math.Floor(big.Number) == big.Number && big.Number > int.MaxValue)
        {
            source.Error(bag, TopologyDiagnosticCodes.OutOfRange, $"{big.RawNumber} data qubits is more than qdc can address", big);
        }
        int? comm = node["commQubits"] is { } c ? Int(c) : Qpu.DefaultCommQubits;
        var gates = node["nativeGates"] is { Kind: JsonKind.Array } g && g.Items.All(i => i.Kind == JsonKind.String)
            ? [.. g.Items.Select(i => i.String!)]
            : preset.NativeGates;
        var d = node["durations"];
        double? oneQ = Seconds(d?["1q"], preset.Durations.OneQubit);
        double? twoQ = Seconds(d?["2q"], preset.Durations.TwoQubit);
        double? measure = Seconds(d?["measure"], preset.Durations.Measure);
        double? reset = Seconds(d?["reset"], preset.Durations.Reset);
        double? t1 = Seconds(node["t1"], preset.T1);
        // A preset T2 must not exceed 2·T1 when the file lowers T1 alone.
        double? t2 = Seconds(node["t2"], t1 is { } ownT1 ? Math.Min(preset.T2, 2 * ownT1) : preset.T2);
        if (t1 is { } a && t2 is { } b && b > 2 * a && node["t2"] is { } t2Node)
        {
            source.Warning(bag, TopologyDiagnosticCodes.UnphysicalCoherence,
                $"T2 ({Duration.Format(b)}) exceeds 2·T1 ({Duration.Format(2 * a)}), which no physical qubit shows", t2Node);
        }
        if (platform is null || data is not > 0 || comm is not > 0 || oneQ is null || twoQ is null || measure is null || reset is null || t1 is null || t2 is null)
        {
            return null;
        }
        return new Qpu(idNode.String!, data.Value, comm.Value, platform.Value, gates,
            new QpuDurations(oneQ.Value, twoQ.Value, measure.Value, reset.Value), t1.Value, t2.Value);
    }

    // The two QPU indices a link joins, or null (with a diagnostic unless the schema already gave one).
    private (int A, int B)? ResolveEnds(LocatedJson node, List<string> ids)
    {
        if (node.Kind != JsonKind.Object || node["between"] is not { Kind: JsonKind.Array, Items.Count: 2 } between)
        {
            return null;
        }
        var ends = new int[2];
        bool ok = true;
        for (int i = 0; i < 2; i++)
        {
            var end = between.Items[i];
            ends[i] = end.Kind == JsonKind.String ? ids.IndexOf(end.String!) : -1;
            if (end.Kind == JsonKind.String && ends[i] < 0)
            {
                source.Error(bag, TopologyDiagnosticCodes.UnknownQpu,
                    $"no QPU has the id '{end.String}'{NameSuggestion.Hint(end.String!, ids)}", end);
            }
            ok &= ends[i] >= 0;
        }
        if (ok && ends[0] == ends[1])
        {
            source.Error(bag, TopologyDiagnosticCodes.SelfLink, $"a link from '{ids[ends[0]]}' to itself; a link joins two different QPUs", between);
            ok = false;
        }
        return ok ? (ends[0], ends[1]) : null;
    }

    private Link? BuildLink(LocatedJson node, int a, int b)
    {
        double? rate = Number(node["eprRate"], Link.DefaultEprRate);
        double? fidelity = Number(node["eprFidelity"], Link.DefaultEprFidelity);
        double? latency = Seconds(node["latency"], Link.DefaultLatency);
        int? parallel = node["parallelPairs"] is { } pp ? Int(pp) : Link.DefaultParallelPairs;
        if (rate is not > 0 || fidelity is not (> 0 and <= 1) || latency is null || parallel is not > 0)
        {
            return null;
        }
        return new Link(a, b, rate.Value, fidelity.Value, latency.Value, parallel.Value);
    }

    private void CheckConnectivity(Topology topology, LocatedJson at)
    {
        var graph = topology.ToGraph();
        var components = ConnectedComponents.Compute(graph);
        if (components.Count > 1)
        {
            string Group(IReadOnlyList<int> c) => "{" + string.Join(", ", c.Select(i => topology.Qpus[i].Id)) + "}";
            string groups = string.Join(" and ", components.Components.Select(Group));
            string a = topology.Qpus[components.Components[0][^1]].Id;
            string b = topology.Qpus[components.Components[1][0]].Id;
            source.Error(bag, TopologyDiagnosticCodes.Disconnected,
                $"the QPUs fall into {components.Count.ToString(CultureInfo.InvariantCulture)} groups that no chain of links joins: {groups}; "
                + $"a gate across groups could never get an EPR pair. Add a link, e.g. {{ \"between\": [\"{a}\", \"{b}\"] }}", at);
            return;
        }
        if (!topology.Swapping && !topology.IsAllToAll)
        {
            var hops = BreadthFirst.AllHopDistances(graph);
            var far = new List<string>();
            for (int i = 0; i < topology.QpuCount; i++)
            {
                for (int j = i + 1; j < topology.QpuCount; j++)
                {
                    if (hops[i][j] > 1)
                    {
                        far.Add($"{topology.Qpus[i].Id} -- {topology.Qpus[j].Id}");
                    }
                }
            }
            string shown = string.Join(", ", far.Take(4)) + (far.Count > 4 ? ", …" : "");
            source.Warning(bag, TopologyDiagnosticCodes.NoSwappingNonAdjacent,
                $"swapping is false and {far.Count.ToString(CultureInfo.InvariantCulture)} QPU pair(s) share no link ({shown}); "
                + "a gate between them must be relayed through the QPUs in between, one EPR pair per hop, with no end-to-end pair", at);
        }
    }

    private static int? Int(LocatedJson? node) =>
        node is { Kind: JsonKind.Number } && Math.Floor(node.Number) == node.Number && node.Number is >= int.MinValue and <= int.MaxValue
            ? (int)node.Number
            : null;

    private static double? Number(LocatedJson? node, double fallback) =>
        node is null ? fallback : node.Kind == JsonKind.Number ? node.Number : null;

    private double? Seconds(LocatedJson? node, double fallback)
    {
        if (node is null)
        {
            return fallback;
        }
        if (node.Kind != JsonKind.String)
        {
            return null;
        }
        double? seconds = Duration.TryParse(node.String!, out string error);
        if (seconds is null)
        {
            source.Error(bag, TopologyDiagnosticCodes.BadDuration, error, node);
        }
        return seconds;
    }
}
