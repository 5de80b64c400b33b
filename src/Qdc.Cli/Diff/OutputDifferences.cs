namespace Qdc.Cli.Diff;

/// <summary>A qubit whose QPU differs; null on a side where the qubit does not exist.</summary>
internal sealed record QubitMove(string Qubit, string? From, string? To);

/// <summary>Where a two-qubit gate runs and how it is realized (local, telegate, …).</summary>
internal sealed record GateSide(string Qpu, string Realization);

/// <summary>A two-qubit gate (by operation index) whose QPU or realization differs; null where it does not exist.</summary>
internal sealed record GateChange(int Index, GateSide? A, GateSide? B);

/// <summary>A figure (a JSON leaf, by dotted key) that differs; values are JSON text, null where absent.</summary>
internal sealed record FigureChange(string Key, string? A, string? B);

/// <summary>A node program added, removed or changed, with its changed lines (at most <see cref="OutputDiff.MaxLinesPerNode"/> kept).</summary>
internal sealed record NodeChange(string File, string Status, int Added, int Removed, IReadOnlyList<LineChange> Lines);

/// <summary>The schedule in summary: figures that differ, and how many operations are only in A or only in B.</summary>
internal sealed record ScheduleChanges(IReadOnlyList<FigureChange> Figures, int OnlyInA, int OnlyInB)
{
    public bool Equal => Figures.Count == 0 && OnlyInA == 0 && OnlyInB == 0;
}

/// <summary>Everything `qdc diff` found between two compiled outputs, each list in a stable order.</summary>
internal sealed record OutputDifferences(
    IReadOnlyList<QubitMove> Qubits,
    IReadOnlyList<GateChange> Gates,
    IReadOnlyList<string> TeledataRemoved,
    IReadOnlyList<string> TeledataAdded,
    IReadOnlyList<FigureChange> Figures,
    ScheduleChanges Schedule,
    IReadOnlyList<NodeChange> Nodes)
{
    public bool Equal => Qubits.Count == 0 && Gates.Count == 0 && TeledataRemoved.Count == 0 && TeledataAdded.Count == 0
        && Figures.Count == 0 && Schedule.Equal && Nodes.Count == 0;
}
