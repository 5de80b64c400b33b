namespace Qdc.Compiler.Scheduling;

/// <summary>
/// A stored pair's fidelity while it waits: the depolarizing-memory model of a Werner pair, in
/// which each memory shrinks the Werner parameter w = (4F − 1)/3 by exp(−t/T2) (e.g. Dür, Briegel,
/// Cirac and Zoller, PRA 59, 169 (1999), and the memory model of most network simulators), so
/// F(t) = 1/4 + (F0 − 1/4)·exp(−tA/T2A − tB/T2B), tending to the maximally mixed 1/4.
/// </summary>
public static class PairDecay
{
    public static double Fidelity(double initial, double waitA, double t2A, double waitB, double t2B) =>
        0.25 + ((initial - 0.25) * Math.Exp(-Rate(waitA, t2A) - Rate(waitB, t2B)));

    private static double Rate(double wait, double t2) => t2 > 0 && double.IsFinite(t2) ? Math.Max(0, wait) / t2 : 0;
}
