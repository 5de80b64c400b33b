namespace Qdc.Compiler.Scheduling;

/// <summary>
/// One link over the schedule: raw pairs generated (expected, with distillation), ebits delivered,
/// and the fraction of its generators' time spent generating.
/// </summary>
public sealed record LinkUsage(double RawPairs, long DeliveredEbits, double Utilisation, double BusySeconds, DistillationPlan Plan);
