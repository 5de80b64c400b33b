using static Qdc.Tests.Circuits.Includes.IncludeDsl;

namespace Qdc.Tests.Circuits.Includes;

/// <summary>Qiskit's qelib1.inc (42 gates): the spec's 23 (cu3 with its control phase) and these; a=0 … e=4.</summary>
internal static class QiskitQelib1
{
    public static IncludeFile File { get; } = new([.. SpecQelib1.Gates(qiskitCu3: true), .. Extra()]);

    private static IEnumerable<IncludeGate> Extra()
    {
        yield return Def("u0", 1, 1, _ => [U(0, 0, 0, 0)]);
        yield return Def("u", 1, 3, p => [U(p[0], p[1], p[2], 0)]);
        yield return Def("p", 1, 1, p => [U(0, 0, p[0], 0)]);
        yield return Def("sx", 1, () => [G("sdg", 0), G("h", 0), G("sdg", 0)]);
        yield return Def("sxdg", 1, () => [G("s", 0), G("h", 0), G("s", 0)]);
        yield return Def("swap", 2, () => [G("cx", 0, 1), G("cx", 1, 0), G("cx", 0, 1)]);
        yield return Def("cswap", 3, () => [G("cx", 2, 1), G("ccx", 0, 1, 2), G("cx", 2, 1)]);
        yield return Def("crx", 2, 1, p =>
            [G1("u1", Pi / 2, 1), G("cx", 0, 1), G3("u3", -p[0] / 2, 0, 0, 1), G("cx", 0, 1), G3("u3", p[0] / 2, -Pi / 2, 0, 1)]);
        yield return Def("cry", 2, 1, p =>
            [G3("u3", p[0] / 2, 0, 0, 1), G("cx", 0, 1), G3("u3", -p[0] / 2, 0, 0, 1), G("cx", 0, 1)]);
        yield return Def("cp", 2, 1, p =>
            [G1("p", p[0] / 2, 0), G("cx", 0, 1), G1("p", -p[0] / 2, 1), G("cx", 0, 1), G1("p", p[0] / 2, 1)]);
        yield return Def("csx", 2, () => [G("h", 1), G1("cu1", Pi / 2, 0, 1), G("h", 1)]);
        yield return new IncludeGate("cu", 2, 4, p =>
        {
            double th = p[0], ph = p[1], la = p[2], ga = p[3];
            return
            [
                G1("p", ga, 0), G1("p", (la + ph) / 2, 0), G1("p", (la - ph) / 2, 1), G("cx", 0, 1),
                G3("u", -th / 2, 0, -(ph + la) / 2, 1), G("cx", 0, 1), G3("u", th / 2, ph, 0, 1),
            ];
        });
        yield return Def("rxx", 2, 1, p =>
        [
            G3("u3", Pi / 2, p[0], 0, 0), G("h", 1), G("cx", 0, 1), G1("u1", -p[0], 1), G("cx", 0, 1), G("h", 1),
            G2("u2", -Pi, Pi - p[0], 0),
        ]);
        yield return Def("rzz", 2, 1, p => [G("cx", 0, 1), G1("u1", p[0], 1), G("cx", 0, 1)]);
        yield return Def("rccx", 3, () =>
        [
            G2("u2", 0, Pi, 2), G1("u1", Pi / 4, 2), G("cx", 1, 2), G1("u1", -Pi / 4, 2), G("cx", 0, 2),
            G1("u1", Pi / 4, 2), G("cx", 1, 2), G1("u1", -Pi / 4, 2), G2("u2", 0, Pi, 2),
        ]);
        yield return Def("rc3x", 4, () =>
        [
            G2("u2", 0, Pi, 3), G1("u1", Pi / 4, 3), G("cx", 2, 3), G1("u1", -Pi / 4, 3), G2("u2", 0, Pi, 3),
            G("cx", 0, 3), G1("u1", Pi / 4, 3), G("cx", 1, 3), G1("u1", -Pi / 4, 3), G("cx", 0, 3),
            G1("u1", Pi / 4, 3), G("cx", 1, 3), G1("u1", -Pi / 4, 3), G2("u2", 0, Pi, 3), G1("u1", Pi / 4, 3),
            G("cx", 2, 3), G1("u1", -Pi / 4, 3), G2("u2", 0, Pi, 3),
        ]);
        yield return Def("c3x", 4, () => C3Body(Pi / 4));
        yield return Def("c3sqrtx", 4, () => C3Body(Pi / 8));
        yield return Def("c4x", 5, () =>
        [
            G("h", 4), G1("cu1", -Pi / 2, 3, 4), G("h", 4),
            G("c3x", 0, 1, 2, 3),
            G("h", 3), G1("cu1", Pi / 4, 3, 4), G("h", 3),
            G("c3x", 0, 1, 2, 3),
            G("c3sqrtx", 0, 1, 2, 4),
        ]);
    }

    // c3x and c3sqrtx share one body; only the cu1 angle differs (the file says so too).
    private static IncludeStep[] C3Body(double a)
    {
        IncludeStep Hcu(double angle, int c) => G1("cu1", angle, c, 3);
        return
        [
            G("h", 3), Hcu(-a, 0), G("h", 3), G("cx", 0, 1),
            G("h", 3), Hcu(a, 1), G("h", 3), G("cx", 0, 1),
            G("h", 3), Hcu(-a, 1), G("h", 3), G("cx", 1, 2),
            G("h", 3), Hcu(a, 2), G("h", 3), G("cx", 0, 2),
            G("h", 3), Hcu(-a, 2), G("h", 3), G("cx", 1, 2),
            G("h", 3), Hcu(a, 2), G("h", 3), G("cx", 0, 2),
            G("h", 3), Hcu(-a, 2), G("h", 3),
        ];
    }
}
