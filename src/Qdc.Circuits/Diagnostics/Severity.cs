namespace Qdc.Circuits.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
