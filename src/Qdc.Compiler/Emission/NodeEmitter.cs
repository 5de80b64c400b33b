using System.Collections.Immutable;
using System.Text;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Scheduling;

namespace Qdc.Compiler.Emission;

/// <summary>
/// The emission phase's one entry: one OpenQASM 3 program per QPU of the topology (an idle QPU
/// gets one too), in that QPU's native gates, with EPR pairs and classical messages as calls to
/// the network primitives its header declares. Deterministic to the byte.
/// </summary>
public static class NodeEmitter
{
    /// <summary>
    /// The programs, in QPU order; empty, with diagnostics, when a QPU's native gates cannot express its share.
    /// With a <paramref name="schedule"/> of this program, each carries its timing as delays and
    /// runs its communication qubits in the scheduler's physical slots.
    /// </summary>
    public static ImmutableArray<NodeProgram> Emit(DistributedProgram program, Topology.Topology topology, DiagnosticBag diagnostics, Schedule? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var nodes = NodeSplitter.Split(program, topology.QpuCount, schedule);
        var result = ImmutableArray.CreateBuilder<NodeProgram>(nodes.Length);
        var files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool failed = false;
        foreach (var node in nodes)
        {
            var qpu = topology.Qpus[node.Qpu];
            var reported = new HashSet<string>(StringComparer.Ordinal);
            var steps = new NativeTranslator(NativeGateSet.For(qpu), message =>
            {
                failed = true;
                if (reported.Add(message))
                {
                    diagnostics.Error(EmissionCodes.NotExpressible, $"QPU '{qpu.Id}' cannot run its program: {message}", SourceLocation.None(topology.Name));
                }
            }).Translate(node.Steps());
            string file = FileName(qpu.Id);
            if (!files.Add(file))
            {
                file = $"{Path.GetFileNameWithoutExtension(file)}-{node.Qpu}.qasm";
                files.Add(file);
            }
            result.Add(new NodeProgram(node.Qpu, qpu.Id, file, NodeTextWriter.Write(node, steps, program, topology)));
        }
        return failed ? [] : result.MoveToImmutable();
    }

    /// <summary>The QPU id as a portable file name: letters, digits, '-', '_' and '.' kept, anything else '_'.</summary>
    private static string FileName(string id)
    {
        var sb = new StringBuilder(id.Length + 5);
        foreach (char ch in id)
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_');
        }
        if (sb.Length == 0 || sb[0] == '.')
        {
            sb.Insert(0, '_');
        }
        return sb.Append(".qasm").ToString();
    }
}
