using static Qdc.Tests.Circuits.Includes.IncludeDsl;

namespace Qdc.Tests.Circuits.Includes;

/// <summary>The OpenQASM 2.0 specification's qelib1.inc (23 gates), body by body; operands a=0, b=1, c=2.</summary>
internal static class SpecQelib1
{
    public static IncludeFile File { get; } = new(Gates(qiskitCu3: false));

    /// <summary>The spec's gates; Qiskit's file starts with the same ones but adds a phase on the control of cu3.</summary>
    public static IEnumerable<IncludeGate> Gates(bool qiskitCu3)
    {
        yield return Def("u3", 1, 3, p => [U(p[0], p[1], p[2], 0)]);
        yield return Def("u2", 1, 2, p => [U(Pi / 2, p[0], p[1], 0)]);
        yield return Def("u1", 1, 1, p => [U(0, 0, p[0], 0)]);
        yield return Def("cx", 2, () => [CX(0, 1)]);
        yield return Def("id", 1, () => [U(0, 0, 0, 0)]);
        yield return Def("x", 1, () => [G3("u3", Pi, 0, Pi, 0)]);
        yield return Def("y", 1, () => [G3("u3", Pi, Pi / 2, Pi / 2, 0)]);
        yield return Def("z", 1, () => [G1("u1", Pi, 0)]);
        yield return Def("h", 1, () => [G2("u2", 0, Pi, 0)]);
        yield return Def("s", 1, () => [G1("u1", Pi / 2, 0)]);
        yield return Def("sdg", 1, () => [G1("u1", -Pi / 2, 0)]);
        yield return Def("t", 1, () => [G1("u1", Pi / 4, 0)]);
        yield return Def("tdg", 1, () => [G1("u1", -Pi / 4, 0)]);
        yield return Def("rx", 1, 1, p => [G3("u3", p[0], -Pi / 2, Pi / 2, 0)]);
        yield return Def("ry", 1, 1, p => [G3("u3", p[0], 0, 0, 0)]);
        yield return Def("rz", 1, 1, p => [G1("u1", p[0], 0)]);
        yield return Def("cz", 2, () => [G("h", 1), G("cx", 0, 1), G("h", 1)]);
        yield return Def("cy", 2, () => [G("sdg", 1), G("cx", 0, 1), G("s", 1)]);
        yield return Def("ch", 2, () =>
        [
            G("h", 1), G("sdg", 1), G("cx", 0, 1), G("h", 1), G("t", 1), G("cx", 0, 1),
            G("t", 1), G("h", 1), G("s", 1), G("x", 1), G("s", 0),
        ]);
        yield return Def("ccx", 3, () =>
        [
            G("h", 2), G("cx", 1, 2), G("tdg", 2), G("cx", 0, 2), G("t", 2), G("cx", 1, 2), G("tdg", 2),
            G("cx", 0, 2), G("t", 1), G("t", 2), G("h", 2), G("cx", 0, 1), G("t", 0), G("tdg", 1), G("cx", 0, 1),
        ]);
        yield return Def("crz", 2, 1, p => [G1("u1", p[0] / 2, 1), G("cx", 0, 1), G1("u1", -p[0] / 2, 1), G("cx", 0, 1)]);
        yield return Def("cu1", 2, 1, p =>
            [G1("u1", p[0] / 2, 0), G("cx", 0, 1), G1("u1", -p[0] / 2, 1), G("cx", 0, 1), G1("u1", p[0] / 2, 1)]);
        yield return Def("cu3", 2, 3, p =>
        {
            double th = p[0], ph = p[1], la = p[2];
            IncludeStep[] tail =
            [
                G1("u1", (la - ph) / 2, 1), G("cx", 0, 1), G3("u3", -th / 2, 0, -(ph + la) / 2, 1),
                G("cx", 0, 1), G3("u3", th / 2, ph, 0, 1),
            ];
            return qiskitCu3 ? [G1("u1", (la + ph) / 2, 0), .. tail] : tail;
        });
    }
}
