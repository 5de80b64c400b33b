using System.Collections.Immutable;
using System.Text;
using Qdc.Circuits;
using Qdc.Compiler.Partitioning;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// Renumbers a lowered operation list so qubits are grouped by QPU (data qubits in source order,
/// then spare data qubits and communication qubits in allocation order), one register each, and wraps it up.
/// </summary>
internal static class ProgramAssembler
{
    public static DistributedProgram Assemble(
        Placement placement,
        Topology.Topology topology,
        CommQubitPool pool,
        IReadOnlyList<Operation> ops,
        IReadOnlyList<EprPair> pairs,
        IReadOnlyList<EntanglementSwap> swaps,
        int clbitCount,
        long serialisationEbits,
        int parkedVisits)
    {
        var source = placement.Normalized;
        int n = source.QubitCount;
        int total = n + pool.QpuOfId.Count;
        var map = new int[total];
        var qpuOf = new int[total];
        var isComm = new bool[total];
        var qregs = ImmutableArray.CreateBuilder<Register>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        int next = 0;
        for (int p = 0; p < topology.QpuCount; p++)
        {
            string id = Identifier(topology.Qpus[p].Id);
            int start = next;
            for (int q = 0; q < n; q++)
            {
                if (placement.QpuOfQubit[q] == p)
                {
                    qpuOf[next] = p;
                    map[q] = next++;
                }
            }
            // Spare data qubits where visitors were parked follow the QPU's own.
            for (int c = 0; c < pool.QpuOfId.Count; c++)
            {
                if (pool.QpuOfId[c] == p && pool.IsSpareId[c])
                {
                    qpuOf[next] = p;
                    map[pool.FirstId + c] = next++;
                }
            }
            AddRegister(qregs, names, $"{id}_data", start, next - start, p);
            start = next;
            for (int c = 0; c < pool.QpuOfId.Count; c++)
            {
                if (pool.QpuOfId[c] == p && !pool.IsSpareId[c])
                {
                    qpuOf[next] = p;
                    isComm[next] = true;
                    map[pool.FirstId + c] = next++;
                }
            }
            AddRegister(qregs, names, $"{id}_comm", start, next - start, p);
        }
        ImmutableArray<Operation> remapped = [.. ops.Select(op => OperationRemapper.Remap(op, map))];
        var cregs = source.ClassicalRegisters.ToBuilder();
        if (clbitCount > source.ClbitCount)
        {
            string name = "net";
            while (cregs.Any(r => r.Name == name))
            {
                name += "_";
            }
            cregs.Add(new Register(name, clbitCount - source.ClbitCount, source.ClbitCount));
        }
        var circuit = new Circuit(qregs.ToImmutable(), cregs.ToImmutable(), remapped, source.GlobalPhase);
        var byLink = new long[topology.Links.Length];
        foreach (var pair in pairs)
        {
            byLink[pair.Link]++;
        }
        return new DistributedProgram(
            circuit,
            [.. qpuOf],
            [.. isComm],
            [.. map.Take(n)],
            [.. pairs.Select(e => e with { QubitA = map[e.QubitA], QubitB = map[e.QubitB] })],
            [.. byLink],
            [.. pool.Peak],
            source.ClbitCount,
            serialisationEbits)
        {
            Swaps = [.. swaps.Select(s => s with { QubitA = map[s.QubitA], QubitB = map[s.QubitB] })],
            ParkedVisits = parkedVisits,
        };
    }

    private static void AddRegister(ImmutableArray<Register>.Builder registers, HashSet<string> names, string name, int start, int size, int qpu)
    {
        if (size == 0)
        {
            return;
        }
        // Two QPU ids may clean up to the same identifier; the QPU index keeps them apart.
        if (!names.Add(name))
        {
            name = $"{name}{qpu}";
            names.Add(name);
        }
        registers.Add(new Register(name, size, start));
    }

    /// <summary>The QPU id as an OpenQASM identifier, for register names.</summary>
    private static string Identifier(string id)
    {
        var sb = new StringBuilder(id.Length + 1);
        foreach (char ch in id)
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch == '_' ? ch : '_');
        }
        if (sb.Length == 0 || !char.IsAsciiLetter(sb[0]))
        {
            sb.Insert(0, 'q');
        }
        return sb.ToString();
    }
}
