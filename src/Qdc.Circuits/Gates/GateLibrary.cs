using System.Collections.Frozen;
using System.Numerics;

namespace Qdc.Circuits.Gates;

/// <summary>
/// Every standard gate qdc knows: OpenQASM 2's builtins, the spec's and Qiskit's qelib1.inc, and
/// OpenQASM 3's stdgates.inc. Matrices are written out here in closed form (first operand = most
/// significant index bit); the tests hold each one against its definition in U and CX.
/// </summary>
public static class GateLibrary
{
    private const GateLibraries Spec = GateLibraries.SpecQelib1 | GateLibraries.QiskitQelib1;
    private const GateLibraries Qiskit = GateLibraries.QiskitQelib1;
    private const GateLibraries Std = GateLibraries.StdGates;

    private static readonly Complex I = Complex.ImaginaryOne;

    public static IEnumerable<GateDefinition> All => Table.Sorted;

    public static bool TryGet(string name, out GateDefinition definition) =>
        Table.ByName.TryGetValue(name, out definition!);

    public static GateDefinition Get(string name) =>
        Table.ByName.TryGetValue(name, out var d) ? d : throw new KeyNotFoundException($"no standard gate named '{name}'");

    /// <summary>The gates a given include file or builtin set provides.</summary>
    public static IEnumerable<GateDefinition> In(GateLibraries library) =>
        All.Where(d => (d.Libraries & library) != 0);

    // ---- closed-form matrices ----

    public static GateMatrix U(double theta, double phi, double lambda)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return GateMatrix.OneQubit(
            c, -Complex.FromPolarCoordinates(s, lambda),
            Complex.FromPolarCoordinates(s, phi), Complex.FromPolarCoordinates(c, phi + lambda));
    }

    public static GateMatrix Phase(double lambda) => GateMatrix.Diagonal(Complex.One, Complex.FromPolarCoordinates(1, lambda));

    public static GateMatrix Rx(double theta)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return GateMatrix.OneQubit(c, -I * s, -I * s, c);
    }

    public static GateMatrix Ry(double theta)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return GateMatrix.OneQubit(c, -s, s, c);
    }

    public static GateMatrix Rz(double theta) =>
        GateMatrix.Diagonal(Complex.FromPolarCoordinates(1, -theta / 2), Complex.FromPolarCoordinates(1, theta / 2));

    public static readonly GateMatrix X = GateMatrix.OneQubit(0, 1, 1, 0);
    public static readonly GateMatrix Y = GateMatrix.OneQubit(0, -I, I, 0);
    public static readonly GateMatrix Z = GateMatrix.Diagonal(1, -1);
    public static readonly GateMatrix H = GateMatrix.OneQubit(1 / Math.Sqrt(2), 1 / Math.Sqrt(2), 1 / Math.Sqrt(2), -1 / Math.Sqrt(2));
    public static readonly GateMatrix Sx = GateMatrix.OneQubit(new Complex(0.5, 0.5), new Complex(0.5, -0.5), new Complex(0.5, -0.5), new Complex(0.5, 0.5));

    public static readonly GateMatrix Swap = new(2,
    [
        1, 0, 0, 0,
        0, 0, 1, 0,
        0, 1, 0, 0,
        0, 0, 0, 1,
    ]);

    private static GateMatrix Rxx(double theta)
    {
        Complex c = Math.Cos(theta / 2), s = -I * Math.Sin(theta / 2);
        return new GateMatrix(2,
        [
            c, 0, 0, s,
            0, c, s, 0,
            0, s, c, 0,
            s, 0, 0, c,
        ]);
    }

    private static GateMatrix Rzz(double theta)
    {
        var a = Complex.FromPolarCoordinates(1, -theta / 2);
        var b = Complex.FromPolarCoordinates(1, theta / 2);
        return GateMatrix.Diagonal(a, b, b, a);
    }

    // Qiskit's relative-phase Toffoli: a Y on the target when both controls are 1, and −1 on |101⟩.
    private static GateMatrix Rccx()
    {
        var m = GateMatrix.Identity(3).ToArray();
        m[(5 * 8) + 5] = -1;
        m[(6 * 8) + 6] = 0;
        m[(7 * 8) + 7] = 0;
        m[(6 * 8) + 7] = -I;
        m[(7 * 8) + 6] = I;
        return new GateMatrix(3, m);
    }

    // Qiskit's relative-phase 3-controlled X: phases i, −i on |1100⟩, |1101⟩ and a signed X on |111x⟩.
    private static GateMatrix Rc3x()
    {
        var m = GateMatrix.Identity(4).ToArray();
        m[(12 * 16) + 12] = I;
        m[(13 * 16) + 13] = -I;
        m[(14 * 16) + 14] = 0;
        m[(15 * 16) + 15] = 0;
        m[(14 * 16) + 15] = 1;
        m[(15 * 16) + 14] = -1;
        return new GateMatrix(4, m);
    }

    // ---- the table ----

    private static IEnumerable<GateDefinition> Build()
    {
        static (string, double[]) Self(string name, double[] p) => (name, p);
        static Func<double[], (string, double[])> Named(string name) => p => (name, p);
        static Func<double[], (string, double[])> Negate(string name) => p => (name, [.. p.Select(x => -x)]);

        GateDefinition Fixed(string name, int qubits, GateMatrix m, string inverse, GateLibraries libs) =>
            new(name, qubits, [], _ => m, Named(inverse), libs, m.IsDiagonal());

        GateDefinition Rot(string name, int qubits, Func<double, GateMatrix> m, GateLibraries libs, bool diagonal, string param = "theta") =>
            new(name, qubits, [param], p => m(p[0]), Negate(name), libs, diagonal);

        // U(θ,φ,λ)⁻¹ = U(−θ,−λ,−φ).
        static (string, double[]) InverseU(string name, double[] p) => (name, [-p[0], -p[2], -p[1]]);

        // OpenQASM 2 builtins.
        yield return new GateDefinition("U", 1, ["theta", "phi", "lambda"], p => U(p[0], p[1], p[2]), p => InverseU("U", p), GateLibraries.Qasm2Builtin | GateLibraries.Qasm3Builtin, false);
        yield return Fixed("CX", 2, X.Controlled(1), "CX", GateLibraries.Qasm2Builtin | Std);

        // One-qubit gates.
        yield return new GateDefinition("u3", 1, ["theta", "phi", "lambda"], p => U(p[0], p[1], p[2]), p => InverseU("u3", p), Spec | Std, false, p => -(p[1] + p[2]) / 2);
        yield return new GateDefinition("u", 1, ["theta", "phi", "lambda"], p => U(p[0], p[1], p[2]), p => InverseU("u", p), Qiskit, false);
        // u2(φ,λ)⁻¹ = U(−π/2, −λ, −φ), which is u2(−λ−π, −φ+π) as a u2.
        yield return new GateDefinition("u2", 1, ["phi", "lambda"], p => U(Math.PI / 2, p[0], p[1]), p => ("u2", [-p[1] - Math.PI, -p[0] + Math.PI]), Spec | Std, false, p => -(p[0] + p[1]) / 2);
        yield return Rot("u1", 1, Phase, Spec | Std, true, "lambda");
        yield return Rot("p", 1, Phase, Qiskit | Std, true, "lambda");
        yield return Rot("phase", 1, Phase, Std, true, "lambda");
        yield return new GateDefinition("u0", 1, ["gamma"], _ => GateMatrix.Identity(1), p => Self("u0", p), Qiskit, true);
        yield return Fixed("id", 1, GateMatrix.Identity(1), "id", Spec | Std);
        yield return Fixed("x", 1, X, "x", Spec | Std);
        yield return Fixed("y", 1, Y, "y", Spec | Std);
        yield return Fixed("z", 1, Z, "z", Spec | Std);
        yield return Fixed("h", 1, H, "h", Spec | Std);
        yield return Fixed("s", 1, Phase(Math.PI / 2), "sdg", Spec | Std);
        yield return Fixed("sdg", 1, Phase(-Math.PI / 2), "s", Spec | Std);
        yield return Fixed("t", 1, Phase(Math.PI / 4), "tdg", Spec | Std);
        yield return Fixed("tdg", 1, Phase(-Math.PI / 4), "t", Spec | Std);
        yield return Fixed("sx", 1, Sx, "sxdg", Qiskit | Std);
        yield return Fixed("sxdg", 1, Sx.Adjoint(), "sx", Qiskit);
        yield return Rot("rx", 1, Rx, Spec | Std, false);
        yield return Rot("ry", 1, Ry, Spec | Std, false);
        yield return Rot("rz", 1, Rz, Spec | Std, true, "phi");

        // Two-qubit gates.
        yield return Fixed("cx", 2, X.Controlled(1), "cx", Spec | Std);
        yield return Fixed("cy", 2, Y.Controlled(1), "cy", Spec | Std);
        yield return Fixed("cz", 2, Z.Controlled(1), "cz", Spec | Std);
        yield return Fixed("ch", 2, H.Controlled(1), "ch", Spec | Std);
        yield return Fixed("swap", 2, Swap, "swap", Qiskit | Std);
        yield return Fixed("csx", 2, Sx.Controlled(1), "csx_dg", Qiskit);
        yield return Rot("crx", 2, t => Rx(t).Controlled(1), Qiskit | Std, false, "lambda");
        yield return Rot("cry", 2, t => Ry(t).Controlled(1), Qiskit | Std, false, "lambda");
        yield return Rot("crz", 2, t => Rz(t).Controlled(1), Spec | Std, true, "lambda");
        yield return Rot("cu1", 2, t => Phase(t).Controlled(1), Spec, true, "lambda");
        yield return Rot("cp", 2, t => Phase(t).Controlled(1), Qiskit | Std, true, "lambda");
        yield return Rot("cphase", 2, t => Phase(t).Controlled(1), Std, true, "lambda");
        yield return new GateDefinition("cu3", 2, ["theta", "phi", "lambda"], p => U(p[0], p[1], p[2]).Controlled(1), p => InverseU("cu3", p), Spec, false);
        yield return new GateDefinition("cu", 2, ["theta", "phi", "lambda", "gamma"],
            p => U(p[0], p[1], p[2]).Scale(Complex.FromPolarCoordinates(1, p[3])).Controlled(1),
            p => ("cu", [-p[0], -p[2], -p[1], -p[3]]), Qiskit | Std, false);
        yield return Rot("rxx", 2, Rxx, Qiskit, false);
        yield return Rot("rzz", 2, Rzz, Qiskit, true);

        // Three or more qubits.
        yield return Fixed("ccx", 3, X.Controlled(2), "ccx", Spec | Std);
        yield return Fixed("cswap", 3, Swap.Controlled(1), "cswap", Qiskit | Std);
        yield return Fixed("rccx", 3, Rccx(), "rccx_dg", Qiskit);
        yield return Fixed("rc3x", 4, Rc3x(), "rc3x_dg", Qiskit);
        yield return Fixed("c3x", 4, X.Controlled(3), "c3x", Qiskit);
        yield return Fixed("c3sqrtx", 4, Sx.Controlled(3), "c3sqrtx_dg", Qiskit);
        yield return Fixed("c4x", 5, X.Controlled(4), "c4x", Qiskit);

        // Inverses of the few gates whose inverse is not already in a library. They are not visible
        // to programs (no library flag); inv@ produces them and the writer spells them with inv @.
        yield return Fixed("csx_dg", 2, Sx.Adjoint().Controlled(1), "csx", GateLibraries.None);
        yield return Fixed("rccx_dg", 3, Rccx().Adjoint(), "rccx", GateLibraries.None);
        yield return Fixed("rc3x_dg", 4, Rc3x().Adjoint(), "rc3x", GateLibraries.None);
        yield return Fixed("c3sqrtx_dg", 4, Sx.Adjoint().Controlled(3), "c3sqrtx", GateLibraries.None);
    }

    // A nested class so the table is built only after the matrices above (X, H, Swap, …) are
    // initialized: static field initializers run in textual order, and the table read them as null.
    private static class Table
    {
        public static readonly FrozenDictionary<string, GateDefinition> ByName = Build().ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

        public static readonly System.Collections.Immutable.ImmutableArray<GateDefinition> Sorted =
            [.. ByName.Values.OrderBy(d => d.Name, StringComparer.Ordinal)];
    }
}
