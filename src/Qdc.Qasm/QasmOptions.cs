namespace Qdc.Qasm;

/// <summary>What the front end needs beyond the file itself.</summary>
public sealed record QasmOptions
{
    public static readonly QasmOptions Default = new();

    /// <summary>Values for the program's <c>input</c> declarations (<c>--param name=value</c>).</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Reads an included file's bytes, or returns null when it does not exist. Tests replace it.</summary>
    public Func<string, byte[]?> ReadFile { get; init; } = path => File.Exists(path) ? File.ReadAllBytes(path) : null;

    /// <summary>The most iterations a loop may unroll to before qdc calls it a runaway.</summary>
    public int LoopLimit { get; init; } = 10_000_000;

    /// <summary>
    /// Read flat files (declarations, gate calls, measure, reset, barrier) without parse trees.
    /// The result is the same either way; tests turn it off to compare the two paths.
    /// </summary>
    public bool FastPath { get; init; } = true;

    /// <summary>
    /// Read a node program qdc emitted: its header's primitives (<c>defcal epr</c>, <c>extern send</c>
    /// and <c>recv</c>) and <c>pragma qdc</c> lines are accepted and recorded. Set by
    /// <see cref="QasmFrontEnd.LoadNode(string, QasmOptions, Circuits.Diagnostics.DiagnosticBag)"/>; off, they stay QDC0350.
    /// </summary>
    public bool NodeProgram { get; init; }

    /// <summary>
    /// Keep where each operation was written (the statement that made it), for diagnostics about the
    /// bound circuit. Set by <see cref="QasmFrontEnd.LoadLocated"/>, which reads through the grammar.
    /// </summary>
    public bool RecordLocations { get; init; }

    /// <summary>The most operations a program may unroll to; past it qdc stops with a diagnostic.</summary>
    public long MaxOperations { get; init; } = 10_000_000;
}
