using System.Globalization;
using System.Text.RegularExpressions;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Emission;
using Qdc.Compiler.Scheduling;
using Qdc.Compiler.Topology;

namespace Qdc.Tests.Emission;

/// <summary>
/// Replays a timed node program from its text alone, independently of the emitter: each qubit's
/// clock advances by its delays and by the QPU's declared gate durations (an epr call by its pair's
/// generation time), and every statement's start is read off its operands' clocks.
/// </summary>
internal static partial class NodeTimingReplay
{
    /// <summary>The start of every timed statement of the node, in text order; asserts that a statement's operands agree on it.</summary>
    public static List<double> Starts(NodeProgram node, DistributedProgram program, Schedule schedule)
    {
        var durations = schedule.Topology.Qpus[node.QpuIndex].Durations;
        var clock = new Dictionary<string, double>(StringComparer.Ordinal);
        var starts = new List<double>();
        foreach (string raw in node.Text.Split('\n'))
        {
            string line = raw.Trim();
            if (If().Match(line) is { Success: true } cond)
            {
                line = cond.Groups[1].Value;
            }
            if (Delay().Match(line) is { Success: true } d)
            {
                string q = d.Groups[2].Value;
                clock[q] = At(clock, q) + (Duration.TryParse(d.Groups[1].Value, out string error) ?? throw new InvalidOperationException(error));
                continue;
            }
            if (Epr().Match(line) is { Success: true } e)
            {
                int tag = int.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture);
                int op = program.EprPairs.First(p => p.Index == tag).Operation;
                starts.Add(Run(clock, [e.Groups[2].Value], schedule.OperationEnd[op] - schedule.OperationStart[op], line));
                continue;
            }
            if (Measure().Match(line) is { Success: true } m)
            {
                starts.Add(Run(clock, [m.Groups[1].Value], durations.Measure, line));
                continue;
            }
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || line.Contains("recv(", StringComparison.Ordinal)
                || Declaration().IsMatch(line) || Gate().Match(line) is not { Success: true } g)
            {
                continue;
            }
            string name = g.Groups[1].Value;
            var operands = g.Groups[2].Value.Split(", ");
            double duration = name switch
            {
                "reset" => durations.Reset,
                "barrier" => 0,
                _ => operands.Length >= 2 ? durations.TwoQubit : durations.OneQubit,
            };
            starts.Add(Run(clock, operands, duration, line));
        }
        return starts;
    }

    /// <summary>The schedule's start of every operation on the QPU: one per pair for each side, one per operation (or barrier share) otherwise.</summary>
    public static List<double> Scheduled(int qpu, DistributedProgram program, Schedule schedule)
    {
        var inner = new HashSet<int>(program.EprPairs.SelectMany(p => Enumerable.Range(p.Operation + 1, EprPair.OperationCount - 1)));
        var pairAt = program.EprPairs.ToDictionary(p => p.Operation);
        var starts = new List<double>();
        var ops = program.Circuit.Operations;
        for (int i = 0; i < ops.Length; i++)
        {
            if (inner.Contains(i))
            {
                continue;
            }
            bool here = pairAt.TryGetValue(i, out var pair)
                ? pair.QpuA == qpu || pair.QpuB == qpu
                : ops[i].Qubits.Any(q => program.QpuOfQubit[q] == qpu);
            if (here)
            {
                starts.Add(schedule.OperationStart[i]);
            }
        }
        return starts;
    }

    private static double At(Dictionary<string, double> clock, string qubit) => clock.TryGetValue(qubit, out double t) ? t : 0;

    private static double Run(Dictionary<string, double> clock, IReadOnlyList<string> qubits, double duration, string line)
    {
        double start = At(clock, qubits[0]);
        foreach (string q in qubits)
        {
            Assert.True(Math.Abs(At(clock, q) - start) <= Tolerance(start), $"'{line}': {q} is at {At(clock, q):R} s, {qubits[0]} at {start:R} s");
            clock[q] = start + duration;
        }
        return start;
    }

    /// <summary>Delay texts are rounded to six decimals of their unit; nothing else differs.</summary>
    public static double Tolerance(double t) => 1e-9 + (1e-9 * Math.Abs(t));

    [GeneratedRegex(@"^if \(.*?\) (.*)$")]
    private static partial Regex If();

    [GeneratedRegex(@"^delay\[([^\]]+)\] (\S+);$")]
    private static partial Regex Delay();

    [GeneratedRegex(@"^epr\(\d+, (\d+)\) (\S+);$")]
    private static partial Regex Epr();

    [GeneratedRegex(@"^\S+ = measure (\S+);$")]
    private static partial Regex Measure();

    [GeneratedRegex(@"^(qubit|bit)\[|^(OPENQASM|include|defcal|extern|pragma|send)\b")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^(\w+)(?:\(.*\))? (.+);$")]
    private static partial Regex Gate();
}
