using System.Collections.Frozen;
using Qdc.Circuits.Decompositions;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Emission;

/// <summary>
/// What a QPU's native gate list offers the emitter: an Euler basis for one-qubit gates (or none),
/// and the two-qubit gate every other two-qubit gate is built from (cx, cz or rzz; or none).
/// </summary>
internal sealed record NativeGateSet(FrozenSet<string> Names, EulerBasis? Basis, string UName, string? Entangler)
{
    public static NativeGateSet For(Qpu qpu)
    {
        var names = qpu.NativeGates.ToFrozenSet(StringComparer.Ordinal);
        string uName = new[] { "u", "u3", "U" }.FirstOrDefault(names.Contains) ?? "u";
        EulerBasis? basis = names.Contains(uName) ? EulerBasis.U
            : !names.Contains("rz") ? null
            : names.Contains("ry") ? EulerBasis.Zyz
            : names.Contains("rx") ? EulerBasis.Zxz
            : names.Contains("sx") ? (names.Contains("x") ? EulerBasis.ZsxX : EulerBasis.Zsx)
            : null;
        string? entangler = new[] { "cx", "cz", "rzz" }.FirstOrDefault(names.Contains);
        return new NativeGateSet(names, basis, uName, entangler);
    }

    public string Describe() => string.Join(", ", Names.Order(StringComparer.Ordinal));
}
