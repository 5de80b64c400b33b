using System.Text;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Compiler.Topology;

/// <summary>
/// Loads dc.json: JSON syntax, then the schema, then meaning (ids, links, units, connectivity).
/// Every fault goes to the bag with its JSON path and line:column; the result is null when any
/// error was found, so callers never see a half-checked topology.
/// </summary>
public static class TopologyLoader
{
    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    public static Topology? Load(string path, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string why = ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => ex.Message,
            };
            diagnostics.Error(TopologyDiagnosticCodes.CannotRead, $"cannot read the topology file: {why}", SourceLocation.None(path));
            return null;
        }
        return LoadBytes(bytes, path, diagnostics);
    }

    /// <summary>Checks topology JSON given as text; <paramref name="path"/> is used in diagnostics and as the default name.</summary>
    public static Topology? LoadText(string json, string path, DiagnosticBag diagnostics) =>
        LoadBytes(Encoding.UTF8.GetBytes(json), path, diagnostics);

    public static Topology? LoadBytes(byte[] utf8, string path, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var source = new JsonSourceText(path, utf8);
        var root = LocatedJsonParser.Parse(source, local);
        Topology? topology = null;
        if (root is not null)
        {
            new SchemaValidator(TopologySchema.Root, source, local).Validate(root);
            // Meaning is checked even after schema errors, on whatever is well-formed, so one run
            // reports every fault.
            if (root.Kind == JsonKind.Object)
            {
                topology = new TopologyBuilder(source, local).Build(root, DefaultName(path));
            }
        }
        diagnostics.AddRange(local.Items);
        return local.HasErrors ? null : topology;
    }

    private static string DefaultName(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        return name.Length > 0 ? name : "topology";
    }
}
