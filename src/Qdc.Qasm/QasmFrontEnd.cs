using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm.Binding;
using Qdc.Qasm.NodePrograms;
using Qdc.Qasm.Syntax;

namespace Qdc.Qasm;

/// <summary>
/// The front end's one entry: OpenQASM 2 or 3 text in, the IR out, or diagnostics. Every fault
/// in the input lands in the bag with its place; the result is null when there were errors.
/// </summary>
public static class QasmFrontEnd
{
    public static Circuit? Load(string path, QasmOptions options, DiagnosticBag diagnostics) =>
        Read(path, options, diagnostics) is { } source ? Load(source, options, diagnostics) : null;

    /// <summary>A node program qdc emitted (see <see cref="QasmOptions.NodeProgram"/>): its circuit, header and network calls; null on errors.</summary>
    public static NodeProgramSyntax? LoadNode(string path, QasmOptions options, DiagnosticBag diagnostics) =>
        Read(path, options, diagnostics) is { } source ? LoadNode(source, options, diagnostics) : null;

    private static SourceText? Read(string path, QasmOptions options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bytes = options.ReadFile(path);
        if (bytes is null)
        {
            diagnostics.Error(QasmDiagnostics.FileNotFound, $"cannot read '{path}': no such file", SourceLocation.None(path));
            return null;
        }
        return SourceText.FromBytes(path, bytes, diagnostics);
    }

    public static NodeProgramSyntax? LoadNode(SourceText source, QasmOptions options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        int before = diagnostics.Items.Count(d => d.IsError);
        var tree = QasmSyntaxTree.Parse(source, diagnostics);
        var binder = new Binder(options with { NodeProgram = true, FastPath = false }, diagnostics);
        var circuit = binder.Bind(tree);
        var node = tree.SyntaxErrors == 0 ? binder.NodeResult(circuit) : null;
        return diagnostics.Items.Count(d => d.IsError) > before ? null : node;
    }

    /// <summary>
    /// As <see cref="Load(string, QasmOptions, DiagnosticBag)"/>, with the place each operation was
    /// written (locations[i] for operation i); slower, so commands ask for it only to report a place.
    /// </summary>
    public static Circuit? LoadLocated(string path, QasmOptions options, DiagnosticBag diagnostics, out ImmutableArray<SourceLocation> locations)
    {
        locations = [];
        if (Read(path, options, diagnostics) is not { } source || string.IsNullOrWhiteSpace(source.Text))
        {
            return null;
        }
        int before = diagnostics.Items.Count(d => d.IsError);
        var tree = QasmSyntaxTree.Parse(source, diagnostics);
        var binder = new Binder(options with { RecordLocations = true, FastPath = false }, diagnostics);
        var circuit = binder.Bind(tree);
        if (diagnostics.Items.Count(d => d.IsError) > before)
        {
            return null;
        }
        locations = binder.Locations;
        return circuit;
    }

    public static Circuit? LoadText(string text, string path, QasmOptions options, DiagnosticBag diagnostics) =>
        Load(new SourceText(path, text), options, diagnostics);

    public static Circuit? Load(SourceText source, QasmOptions options, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(source.Text))
        {
            diagnostics.Error(QasmDiagnostics.EmptyFile, "the file is empty: an OpenQASM program needs at least a declaration", new SourceLocation(source.Path, 1, 1), source.Line(1));
            return null;
        }
        int before = diagnostics.Items.Count(d => d.IsError);
        var tree = QasmSyntaxTree.Parse(source, diagnostics);
        if (options.FastPath && tree.SyntaxErrors == 0 && tree.Version is null or "2.0" or "2" or "3" or "3.0" or "3.1")
        {
            // A flat file: bind it without parse trees. Any doubt and the full path below decides.
            var quiet = new DiagnosticBag();
            if (new Binder(options, quiet).BindFlat(source, tree.Version, FlatScanner.Scan(source, tree.Version)) is { } fast)
            {
                return fast;
            }
            tree = QasmSyntaxTree.Parse(source, diagnostics);
        }
        var circuit = new Binder(options, diagnostics).Bind(tree);
        return diagnostics.Items.Count(d => d.IsError) > before ? null : circuit;
    }
}
