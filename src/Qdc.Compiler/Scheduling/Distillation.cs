namespace Qdc.Compiler.Scheduling;

/// <summary>
/// Recurrence distillation of Werner pairs (fidelity F, the other three Bell states at (1−F)/3 each).
/// A round takes two pairs, applies bilateral CNOTs, measures the target pair and keeps the source
/// pair when both outcomes agree. Rounds are repeated until the fidelity reaches the target;
/// the expected raw pairs per delivered ebit follow R(k+1) = 2·R(k) / p(k).
/// </summary>
public static class Distillation
{
    // Past this many rounds the raw-pair cost (≥ 2^rounds) is absurd for any link: call it infeasible.
    private const int MaxRounds = 20;

    /// <summary>
    /// One BBPSSW round on Werner pairs (Bennett et al. 1996, PRL 76, 722, eq. for F'):
    /// p = F² + 2F(1−F)/3 + 5((1−F)/3)², F' = (F² + ((1−F)/3)²) / p. The output is twirled back to Werner form.
    /// </summary>
    public static (double Fidelity, double Success) BbpsswRound(double f)
    {
        double e = (1 - f) / 3;
        double p = (f * f) + (2 * f * e) + (5 * e * e);
        return (((f * f) + (e * e)) / p, p);
    }

    /// <summary>
    /// One DEJMPS round on Bell-diagonal coefficients (A = Φ+, B = Ψ−, C = Ψ+, D = Φ−; Deutsch et al.
    /// 1996, PRL 77, 2818): N = (A+B)² + (C+D)², A' = (A²+B²)/N, B' = 2CD/N, C' = (C²+D²)/N, D' = 2AB/N.
    /// </summary>
    public static (double A, double B, double C, double D, double Success) DejmpsRound(double a, double b, double c, double d)
    {
        double n = ((a + b) * (a + b)) + ((c + d) * (c + d));
        return (((a * a) + (b * b)) / n, 2 * c * d / n, ((c * c) + (d * d)) / n, 2 * a * b / n, n);
    }

    /// <summary>The cheapest plan that lifts pairs of fidelity <paramref name="raw"/> to at least <paramref name="target"/>, or null when recurrence cannot reach it.</summary>
    public static DistillationPlan? Plan(double raw, double target, DistillationProtocol protocol)
    {
        if (raw >= target)
        {
            return DistillationPlan.None(raw);
        }
        double e = (1 - raw) / 3;
        (double a, double b, double c, double d) = (raw, e, e, e);
        double pairs = 1;
        for (int round = 1; round <= MaxRounds; round++)
        {
            double success;
            double before = a;
            if (protocol == DistillationProtocol.Bbpssw)
            {
                (a, success) = BbpsswRound(a);
                double rest = (1 - a) / 3;
                (b, c, d) = (rest, rest, rest);
            }
            else
            {
                (a, b, c, d, success) = DejmpsRound(a, b, c, d);
            }
            pairs = 2 * pairs / success;
            if (a >= target)
            {
                return new DistillationPlan(round, pairs, a);
            }
            // At or below F = 1/2 a round makes things no better: recurrence has no fixed point above it.
            if (a <= before + 1e-12)
            {
                return null;
            }
        }
        return null;
    }
}
