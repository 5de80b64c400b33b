using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Circuits.Includes;

/// <summary>
/// An include file's gates as data, and their matrices computed from U and CX alone with MathNet
/// (first operand = most significant bit, as GateMatrix has it).
/// </summary>
public sealed class IncludeFile
{
    private readonly Dictionary<string, IncludeGate> _gates = new(StringComparer.Ordinal);

    public IncludeFile(IEnumerable<IncludeGate> gates)
    {
        foreach (var g in gates)
        {
            _gates.Add(g.Name, g);
        }
    }

    public IReadOnlyCollection<string> Names => _gates.Keys;

    public IncludeGate this[string name] => _gates[name];

    public Matrix<Complex> Evaluate(string name, double[] parameters)
    {
        var gate = _gates[name];
        Assert.Equal(gate.ParameterCount, parameters.Length);
        int n = gate.Qubits;
        var u = Unitaries.Identity(n);
        foreach (var step in gate.Body(parameters))
        {
            var (local, operands) = Local(step);
            u = Unitaries.Embed(local, Unitaries.MsbBits(operands, n), n) * u;
        }
        return u;
    }

    private (Matrix<Complex> Matrix, int[] Operands) Local(IncludeStep step)
    {
        switch (step)
        {
            case UStep s:
                return (Unitaries.U(s.Theta, s.Phi, s.Lambda), [s.Qubit]);
            case CxStep s:
                return (Unitaries.Cx(), [s.Control, s.Target]);
            case CallStep s:
                return (Evaluate(s.Name, s.Parameters), s.Qubits);
            case GPhaseStep s:
                return (Matrix<Complex>.Build.Dense(1, 1, Complex.FromPolarCoordinates(1, s.Gamma)), []);
            case CtrlStep s:
                {
                    var (m, ops) = Local(s.Inner);
                    return (Unitaries.Controlled(m, 1), [s.Control, .. ops]);
                }
            case PowStep s:
                {
                    var (m, ops) = Local(s.Inner);
                    return (PrincipalPower(m, s.Exponent), ops);
                }
            case InvStep s:
                {
                    var (m, ops) = Local(s.Inner);
                    return (m.ConjugateTranspose(), ops);
                }
            default:
                throw new ArgumentException($"unknown step {step}", nameof(step));
        }
    }

    // pow(k) @ U as the spec defines it: eigenvalues e^{iα}, α in (−π, π], raised to e^{ikα}.
    private static Matrix<Complex> PrincipalPower(Matrix<Complex> m, double k)
    {
        var evd = m.Evd();
        var v = evd.EigenVectors;
        var d = evd.EigenValues.Map(z =>
        {
            double a = Math.Atan2(z.Imaginary, z.Real);
            if (a <= -Math.PI + 1e-12)
            {
                a = Math.PI;
            }
            return Complex.FromPolarCoordinates(1, a * k);
        });
        return v * Matrix<Complex>.Build.DenseOfDiagonalVector(d) * v.Inverse();
    }
}
