namespace Qdc.Cli.Output;

/// <summary>Diagnostic codes for reading a compiled output directory back (qdc diff, the HTML report).</summary>
internal static class OutputCodes
{
    public const string MissingFile = "QDC0901";
    public const string InvalidJson = "QDC0902";
    public const string UnexpectedShape = "QDC0903";
}
