using System.Collections.Immutable;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// One line of schedule.json. <see cref="Kind"/> is gate, measure, reset, barrier, epr, message,
/// swap or distill; work on one QPU has <see cref="Qpu"/>, work on a link <see cref="Link"/>
/// ("&lt;idA&gt;--&lt;idB&gt;"). <see cref="Operation"/> is the program operation (the first of a
/// pair's four), -1 for messages; <see cref="Order"/> breaks ties of start time stably.
/// </summary>
public sealed record ScheduledOperation(
    double Start,
    double End,
    string Kind,
    string Name,
    string? Qpu,
    string? Link,
    ImmutableArray<string> Qubits,
    ImmutableArray<string> Qpus,
    int Operation,
    long Order)
{
    /// <summary>For a message: the sending and receiving QPUs and the clbit sent.</summary>
    public string? From { get; init; }

    public string? To { get; init; }

    public int Clbit { get; init; } = -1;

    /// <summary>For an EPR pair: the expected raw pairs it took (more than 1 when distilled).</summary>
    public double RawPairs { get; init; } = 1;

    public int Pair { get; init; } = -1;
}
