namespace Qdc.Circuits;

public enum OperationKind
{
    Gate,
    Measure,
    Reset,
    Barrier,
}
