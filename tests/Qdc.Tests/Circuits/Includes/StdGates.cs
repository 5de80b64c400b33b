using static Qdc.Tests.Circuits.Includes.IncludeDsl;

namespace Qdc.Tests.Circuits.Includes;

/// <summary>OpenQASM 3's stdgates.inc, with its gphase, ctrl@, inv@ and pow@ as written there.</summary>
internal static class StdGates
{
    public static IncludeFile File { get; } = new(Gates());

    private static IEnumerable<IncludeGate> Gates()
    {
        yield return Def("p", 1, 1, p => [Ctrl(0, GPhase(p[0]))]);
        yield return Def("x", 1, () => [U(Pi, 0, Pi, 0)]);
        yield return Def("y", 1, () => [U(Pi, Pi / 2, Pi / 2, 0)]);
        yield return Def("z", 1, () => [G1("p", Pi, 0)]);
        yield return Def("h", 1, () => [U(Pi / 2, 0, Pi, 0)]);
        yield return Def("s", 1, () => [Pow(0.5, G("z", 0))]);
        yield return Def("sdg", 1, () => [Inv(Pow(0.5, G("z", 0)))]);
        yield return Def("t", 1, () => [Pow(0.5, G("s", 0))]);
        yield return Def("tdg", 1, () => [Inv(Pow(0.5, G("s", 0)))]);
        yield return Def("sx", 1, () => [Pow(0.5, G("x", 0))]);
        yield return Def("rx", 1, 1, p => [U(p[0], -Pi / 2, Pi / 2, 0)]);
        yield return Def("ry", 1, 1, p => [U(p[0], 0, 0, 0)]);
        yield return Def("rz", 1, 1, p => [GPhase(-p[0] / 2), U(0, 0, p[0], 0)]);
        yield return Def("cx", 2, () => [Ctrl(0, G("x", 1))]);
        yield return Def("cy", 2, () => [Ctrl(0, G("y", 1))]);
        yield return Def("cz", 2, () => [Ctrl(0, G("z", 1))]);
        yield return Def("cp", 2, 1, p => [Ctrl(0, G1("p", p[0], 1))]);
        yield return Def("crx", 2, 1, p => [Ctrl(0, G1("rx", p[0], 1))]);
        yield return Def("cry", 2, 1, p => [Ctrl(0, G1("ry", p[0], 1))]);
        yield return Def("crz", 2, 1, p => [Ctrl(0, G1("rz", p[0], 1))]);
        yield return Def("ch", 2, () => [Ctrl(0, G("h", 1))]);
        yield return Def("swap", 2, () => [G("cx", 0, 1), G("cx", 1, 0), G("cx", 0, 1)]);
        yield return Def("ccx", 3, () => [Ctrl(0, Ctrl(1, G("x", 2)))]);
        yield return Def("cswap", 3, () => [Ctrl(0, G("swap", 1, 2))]);
        yield return Def("cu", 2, 4, p => [G1("p", p[3], 0), Ctrl(0, U(p[0], p[1], p[2], 1))]);
        yield return Def("CX", 2, () => [Ctrl(0, U(Pi, 0, Pi, 1))]);
        yield return Def("phase", 1, 1, p => [U(0, 0, p[0], 0)]);
        yield return Def("cphase", 2, 1, p => [Ctrl(0, G1("phase", p[0], 1))]);
        yield return Def("id", 1, () => [U(0, 0, 0, 0)]);
        yield return Def("u1", 1, 1, p => [U(0, 0, p[0], 0)]);
        yield return Def("u2", 1, 2, p => [GPhase(-(p[0] + p[1]) / 2), U(Pi / 2, p[0], p[1], 0)]);
        yield return Def("u3", 1, 3, p => [GPhase(-(p[1] + p[2]) / 2), U(p[0], p[1], p[2], 0)]);
    }
}
