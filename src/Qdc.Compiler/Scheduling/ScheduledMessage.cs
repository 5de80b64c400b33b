namespace Qdc.Compiler.Scheduling;

/// <summary>One hop of a measured bit's classical message, from QPU <see cref="From"/> to <see cref="To"/> over <see cref="Link"/>.</summary>
public sealed record ScheduledMessage(int Clbit, int Writer, int From, int To, int Link, double Start, double End, int Hop);
