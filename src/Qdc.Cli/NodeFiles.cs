namespace Qdc.Cli;

/// <summary>DIR/nodes/: where compile puts the node programs (through the output set, so its manifest also clears out programs for QPUs that are gone).</summary>
internal static class NodeFiles
{
    public const string Folder = "nodes";
}
