using System.Numerics;

namespace Qdc.Simulation.Stabilizer;

/// <summary>The phase of a product of two packed Pauli strings, 64 qubits at a time.</summary>
internal static class PauliProduct
{
    /// <summary>
    /// Σ g over the 64 qubits of a word, where P1·P2 = i^g (P1 ⊕ P2) qubit by qubit (Aaronson–Gottesman's
    /// g): +1 for X·Y, Y·Z, Z·X and −1 for the reverse orders.
    /// </summary>
    public static int PhaseExponent(ulong x1, ulong z1, ulong x2, ulong z2)
    {
        ulong y1 = x1 & z1, xOnly1 = x1 & ~z1, zOnly1 = ~x1 & z1;
        ulong plus = (y1 & z2 & ~x2) | (xOnly1 & z2 & x2) | (zOnly1 & x2 & ~z2);
        ulong minus = (y1 & x2 & ~z2) | (xOnly1 & z2 & ~x2) | (zOnly1 & x2 & z2);
        return BitOperations.PopCount(plus) - BitOperations.PopCount(minus);
    }
}
