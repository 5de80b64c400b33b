using System.Collections.Immutable;
using Qdc.Compiler.Distribution;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// The scheduling phase's result: a start and end (seconds) for every operation of the program,
/// each EPR pair's generation and the physical communication qubits it used, the classical
/// messages, and the figures report.json prints. Immutable.
/// For the per-node emitter: <see cref="OperationStart"/>/<see cref="OperationEnd"/> give every
/// program operation's time on its QPU (a pair's four operations all carry the pair's interval),
/// and <see cref="QubitName"/> the physical qubit an operand runs on (communication qubits are
/// renamed per pair, so a program's comm qubit may land in a different physical one each time).
/// </summary>
public sealed class Schedule
{
    private readonly int[] _operandOffset;
    private readonly int[] _operandSlot;
    private readonly string[] _commRegister;

    internal Schedule(
        DistributedProgram program,
        Topology.Topology topology,
        EprTiming timing,
        double makespan,
        double criticalPath,
        ImmutableArray<double> operationStart,
        ImmutableArray<double> operationEnd,
        ImmutableArray<ScheduledPair> pairs,
        ImmutableArray<ScheduledMessage> messages,
        ImmutableArray<LinkUsage> links,
        ImmutableArray<int> peakCommQubits,
        ImmutableArray<double> qpuBusySeconds,
        SuccessEstimate success,
        ImmutableArray<string> warnings,
        int[] operandOffset,
        int[] operandSlot,
        string[] commRegister)
    {
        Program = program;
        Topology = topology;
        Timing = timing;
        MakespanSeconds = makespan;
        CriticalPathSeconds = criticalPath;
        OperationStart = operationStart;
        OperationEnd = operationEnd;
        Pairs = pairs;
        Messages = messages;
        Links = links;
        PeakCommQubits = peakCommQubits;
        QpuBusySeconds = qpuBusySeconds;
        Success = success;
        Warnings = warnings;
        _operandOffset = operandOffset;
        _operandSlot = operandSlot;
        _commRegister = commRegister;
    }

    public DistributedProgram Program { get; }

    public Topology.Topology Topology { get; }

    public EprTiming Timing { get; }

    public double MakespanSeconds { get; }

    /// <summary>The bound with free, instant entanglement (and unlimited communication qubits): gates, measurements and messages only.</summary>
    public double CriticalPathSeconds { get; }

    public ImmutableArray<double> OperationStart { get; }

    public ImmutableArray<double> OperationEnd { get; }

    public ImmutableArray<ScheduledPair> Pairs { get; }

    public ImmutableArray<ScheduledMessage> Messages { get; }

    /// <summary>Indexed like the topology's links.</summary>
    public ImmutableArray<LinkUsage> Links { get; }

    /// <summary>Most physical communication qubits in use at once on each QPU.</summary>
    public ImmutableArray<int> PeakCommQubits { get; }

    /// <summary>Each QPU's operation-seconds: the durations of its operations, summed (operations on disjoint qubits overlap).</summary>
    public ImmutableArray<double> QpuBusySeconds { get; }

    /// <summary>log10 of <see cref="SuccessProbability"/>, which underflows to 0 on long programs.</summary>
    public double Log10SuccessProbability => Success.Log10Total;

    /// <summary>The success estimate by cause.</summary>
    public SuccessEstimate Success { get; }

    /// <summary>Estimated probability that no error occurs: gate errors, pair fidelities at use, idle decoherence.</summary>
    public double SuccessProbability => Math.Pow(10, Log10SuccessProbability);

    public ImmutableArray<string> Warnings { get; }

    /// <summary>The physical communication qubit (index on its QPU) of an operand, or -1 if it is a data qubit.</summary>
    public int CommSlot(int operation, int operand) => _operandSlot[_operandOffset[operation] + operand];

    /// <summary>The physical qubit an operand runs on, as schedule.json names it.</summary>
    public string QubitName(int operation, int operand)
    {
        int slot = CommSlot(operation, operand);
        int q = Program.Circuit.Operations[operation].Qubits[operand];
        return slot < 0 ? Program.Circuit.QubitName(q) : CommQubitName(Program.QpuOfQubit[q], slot);
    }

    /// <summary>Physical communication qubit <paramref name="slot"/> of a QPU.</summary>
    public string CommQubitName(int qpu, int slot) => $"{_commRegister[qpu]}[{slot}]";
}
