namespace Qdc.Compiler.Partitioning;

/// <summary>Diagnostic codes for hMETIS input (QDC06xx). Stable: scripts and tests match on them.</summary>
public static class HmetisCodes
{
    public const string CannotRead = "QDC0600";
    public const string Empty = "QDC0601";
    public const string BadHeader = "QDC0602";
    public const string UnknownFormat = "QDC0603";
    public const string NotAnInteger = "QDC0604";
    public const string PinOutOfRange = "QDC0605";
    public const string EmptyNet = "QDC0606";
    public const string DuplicatePin = "QDC0607";
    public const string NegativeWeight = "QDC0608";
    public const string MissingNets = "QDC0609";
    public const string MissingVertexWeights = "QDC0610";
    public const string TrailingContent = "QDC0611";
    public const string ExtraVertexWeightField = "QDC0612";
    public const string BadBlockOptions = "QDC0613";
}
