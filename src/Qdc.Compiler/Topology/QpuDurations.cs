namespace Qdc.Compiler.Topology;

/// <summary>Operation durations of one QPU, in seconds.</summary>
public sealed record QpuDurations(double OneQubit, double TwoQubit, double Measure, double Reset);
