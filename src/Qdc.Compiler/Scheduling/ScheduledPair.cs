namespace Qdc.Compiler.Scheduling;

/// <summary>
/// When one EPR pair was made: generation from <see cref="Start"/> to <see cref="Generated"/>,
/// distillation (if any) until <see cref="Delivered"/>; the physical communication qubits it
/// landed in (-1 for a side that is a data qubit); its fidelity when first used after waiting.
/// </summary>
public sealed record ScheduledPair(double Start, double Generated, double Delivered, int SlotA, int SlotB, double RawPairs, double DeliveredFidelity, double FidelityAtUse);
