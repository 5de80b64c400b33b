namespace Qdc.Circuits.Decompositions;

/// <summary>The one-qubit gate sets a one-qubit unitary can be written in (up to global phase).</summary>
public enum EulerBasis
{
    /// <summary>One general rotation: <c>u(θ, φ, λ)</c> (or u3, or U; the caller picks the name).</summary>
    U,

    /// <summary>rz, ry, rz.</summary>
    Zyz,

    /// <summary>rz, rx, rz.</summary>
    Zxz,

    /// <summary>rz and sx (two sx in general, one when θ = π/2): IBM's superconducting set.</summary>
    Zsx,

    /// <summary>As <see cref="Zsx"/>, with x for θ = π.</summary>
    ZsxX,
}
