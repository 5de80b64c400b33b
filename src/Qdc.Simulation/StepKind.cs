namespace Qdc.Simulation;

internal enum StepKind
{
    Gate,
    Measure,
    Reset,
}
