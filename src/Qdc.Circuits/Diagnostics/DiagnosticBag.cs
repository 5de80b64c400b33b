namespace Qdc.Circuits.Diagnostics;

/// <summary>
/// Collects diagnostics during a phase. User errors go here instead of exceptions, so that one run
/// reports every fault in the input, not just the first.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.IsError);

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public Diagnostic Error(string code, string message, SourceLocation location, string? sourceLine = null)
    {
        var d = new Diagnostic(Severity.Error, code, message, location) { SourceLine = sourceLine };
        _items.Add(d);
        return d;
    }

    public Diagnostic Warning(string code, string message, SourceLocation location, string? sourceLine = null)
    {
        var d = new Diagnostic(Severity.Warning, code, message, location) { SourceLine = sourceLine };
        _items.Add(d);
        return d;
    }

    /// <summary>Diagnostics in a stable order: by file, line, column, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.Path, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)];
}
