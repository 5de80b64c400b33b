namespace Qdc.Tests.Circuits.Includes;

/// <summary>Short constructors so the include bodies below read like the files they copy.</summary>
internal static class IncludeDsl
{
    public const double Pi = Math.PI;

    public static IncludeGate Def(string name, int qubits, Func<IncludeStep[]> body) => new(name, qubits, 0, _ => body());

    public static IncludeGate Def(string name, int qubits, int parameters, Func<double[], IncludeStep[]> body) => new(name, qubits, parameters, body);

    public static IncludeStep U(double theta, double phi, double lambda, int q) => new UStep(theta, phi, lambda, q);

    public static IncludeStep CX(int c, int t) => new CxStep(c, t);

    public static IncludeStep G(string name, params int[] qubits) => new CallStep(name, [], qubits);

    public static IncludeStep G1(string name, double p0, params int[] qubits) => new CallStep(name, [p0], qubits);

    public static IncludeStep G2(string name, double p0, double p1, params int[] qubits) => new CallStep(name, [p0, p1], qubits);

    public static IncludeStep G3(string name, double p0, double p1, double p2, params int[] qubits) => new CallStep(name, [p0, p1, p2], qubits);

    public static IncludeStep GPhase(double gamma) => new GPhaseStep(gamma);

    public static IncludeStep Ctrl(int control, IncludeStep inner) => new CtrlStep(control, inner);

    public static IncludeStep Pow(double k, IncludeStep inner) => new PowStep(k, inner);

    public static IncludeStep Inv(IncludeStep inner) => new InvStep(inner);
}
