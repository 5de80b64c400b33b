namespace Qdc.Cli.Output;

/// <summary>
/// One timed operation of schedule.json: on one QPU (<see cref="Qpu"/>) or one link
/// (<see cref="Link"/>, "idA--idB" as report.json's ebitsByLink). Times are seconds.
/// <see cref="Canonical"/> is the operation's JSON text, to compare operations whole.
/// </summary>
internal sealed record ScheduleOperation(double Start, double End, string Kind, string Name, string? Qpu, string? Link, string Canonical)
{
    /// <summary>The timeline row it belongs to: the QPU or the link.</summary>
    public string Resource => Qpu ?? Link ?? "";
}
