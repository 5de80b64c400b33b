using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Topology;
using Qdc.Qasm.NodePrograms;
using Qdc.Qasm.Writing;

namespace Qdc.Compiler.Emission;

/// <summary>
/// Writes one node's native steps as OpenQASM 3: a commented header that declares the network
/// primitives and states, in <c>pragma qdc</c> lines qdc's reader checks, the QPU, its peers,
/// the source circuit's size and which source qubit each data qubit holds; then the body.
/// </summary>
internal static class NodeTextWriter
{
    /// <summary>The first line after the version of every file qdc writes, so it knows its own files.</summary>
    public const string Marker = "// qdc node program";

    private static readonly string[] Reserved = ["data", "comm", "net", "epr", "send", "recv"];

    public static string Write(NodeStream node, IReadOnlyList<NodeStep> steps, DistributedProgram program, Topology.Topology topology)
    {
        var qpu = topology.Qpus[node.Qpu];
        var sourceRegisters = program.Circuit.ClassicalRegisters.Where(r => r.Start < program.SourceClbits).ToList();
        var taken = new HashSet<string>(sourceRegisters.Select(r => r.Name), StringComparer.Ordinal);
        string data = Fresh("data", taken), comm = Fresh("comm", taken), net = Fresh("net", taken);
        var qregs = ImmutableArray.CreateBuilder<Register>();
        if (node.DataQubits > 0)
        {
            qregs.Add(new Register(data, node.DataQubits, 0));
        }
        if (node.CommQubits > 0)
        {
            qregs.Add(new Register(comm, node.CommQubits, node.DataQubits));
        }
        // A source register named like a primitive would hide it; it gets a suffix (bits keep their index).
        var cregs = ImmutableArray.CreateBuilder<Register>();
        foreach (var r in sourceRegisters)
        {
            cregs.Add(Reserved.Contains(r.Name) ? r with { Name = Fresh(r.Name + "_", taken) } : r);
        }
        if (node.NetClbits > 0)
        {
            cregs.Add(new Register(net, node.NetClbits, program.SourceClbits));
        }
        var names = new Circuit(qregs.ToImmutable(), cregs.ToImmutable(), []);

        var sb = new StringBuilder();
        sb.Append("OPENQASM 3.0;\n").Append(Marker).Append(CultureInfo.InvariantCulture,
            $" for QPU {Quote(qpu.Id)} ({PlatformPreset.NameOf(qpu.Platform)}; native gates {string.Join(", ", qpu.NativeGates)}).\n");
        sb.Append("""
            // Network primitives, run by the data center, not by this QPU's gates:
            //   epr(peer, tag) q;    q becomes one half of the Bell pair (|00> + |11>)/sqrt(2) whose other
            //                        half the peer QPU makes with epr(<this QPU>, tag); both wait for the pair.
            //   send(peer, tag, b);  sends measured bit b to the peer QPU as message tag.
            //   b = recv(peer, tag); waits for message tag from the peer QPU and stores its bit in b.
            // Peers are QPU indices, named by the 'pragma qdc node' and 'pragma qdc peer' lines. Every
            // pair tag and every message tag occurs in exactly two programs, once in each.
            // 'pragma qdc qubit X start S end E': qubit X holds source qubit S at the start and E at the
            // end; 'pragma qdc writes': the source clbits this program measures into.

            """);
        sb.Append(CultureInfo.InvariantCulture, $"pragma qdc node {node.Qpu} {Quote(qpu.Id)}\n");
        for (int p = 0; p < topology.QpuCount; p++)
        {
            if (p != node.Qpu)
            {
                sb.Append(CultureInfo.InvariantCulture, $"pragma qdc peer {p} {Quote(topology.Qpus[p].Id)}\n");
            }
        }
        sb.Append(CultureInfo.InvariantCulture, $"pragma qdc source qubits {program.DataQubitMap.Length} clbits {program.SourceClbits}\n");
        sb.Append(QasmWriter.Includes3(steps.Select(s => s.Operation).OfType<Operation>()));
        sb.Append("defcal epr(int[32] peer, int[32] tag) q { }\n");
        sb.Append("extern send(int[32], int[32], bit);\n");
        sb.Append("extern recv(int[32], int[32]) -> bit;\n");
        foreach (var r in names.QuantumRegisters)
        {
            sb.Append(CultureInfo.InvariantCulture, $"qubit[{r.Size}] {r.Name};\n");
        }
        foreach (var r in names.ClassicalRegisters)
        {
            sb.Append(CultureInfo.InvariantCulture, $"bit[{r.Size}] {r.Name};\n");
        }
        int firstQubit = program.QpuOfQubit.IndexOf(node.Qpu);
        for (int s = 0; s < program.DataQubitMap.Length; s++)
        {
            int q = program.DataQubitMap[s];
            if (program.QpuOfQubit[q] == node.Qpu)
            {
                // The lowering brings every teleported qubit home, so where a qubit starts it ends.
                sb.Append(CultureInfo.InvariantCulture, $"pragma qdc qubit {names.QubitName(q - firstQubit)} start {s} end {s}\n");
            }
        }
        if (node.Writes.Count > 0)
        {
            sb.Append("pragma qdc writes ").AppendJoin(' ', node.Writes.Select(w => w.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }
        foreach (var step in steps)
        {
            if (step.Operation is { } op)
            {
                QasmWriter.Statement3(sb, names, op);
                continue;
            }
            if (step.IsDelay)
            {
                sb.Append(CultureInfo.InvariantCulture, $"delay[{Duration.Format(step.Delay)}] {names.QubitName(step.Bit)};\n");
                continue;
            }
            string call = string.Create(CultureInfo.InvariantCulture, $"{step.Peer}, {step.Tag}");
            sb.Append(step.Kind switch
            {
                NetworkCallKind.Epr => $"epr({call}) {names.QubitName(step.Bit)};\n",
                NetworkCallKind.Send => $"send({call}, {names.ClbitName(step.Bit)});\n",
                _ => $"{names.ClbitName(step.Bit)} = recv({call});\n",
            });
        }
        return sb.ToString();
    }

    private static string Fresh(string name, HashSet<string> taken)
    {
        while (!taken.Add(name))
        {
            name += "_";
        }
        return name;
    }

    private static string Quote(string id) => JsonSerializer.Serialize(id);
}
