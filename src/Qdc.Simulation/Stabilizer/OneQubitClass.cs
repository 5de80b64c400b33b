using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Numerics;
using Qdc.Circuits.Gates;

namespace Qdc.Simulation.Stabilizer;

/// <summary>
/// One of the 24 one-qubit Cliffords up to global phase, known by what it makes of X and Z under
/// conjugation, with a shortest word in H and S (in the order applied) that realizes it.
/// </summary>
public sealed class OneQubitClass
{
    // Matrix entries closer than this count as equal: node programs print angles to round-trip
    // precision, so a Clifford's Euler angles come back within ~1e-15 of multiples of π/2.
    private const double Tolerance = 1e-9;

    private OneQubitClass(SignedPauli imageOfX, SignedPauli imageOfZ, string word)
    {
        ImageOfX = imageOfX;
        ImageOfZ = imageOfZ;
        Word = word;
    }

    public SignedPauli ImageOfX { get; }

    public SignedPauli ImageOfZ { get; }

    /// <summary>H and S letters, first applied first; "" for the identity.</summary>
    public string Word { get; }

    /// <summary>Commutes with Z: a diagonal gate.</summary>
    public bool IsDiagonal => ImageOfZ == new SignedPauli('Z', false);

    /// <summary>All 24, in the order a breadth-first search over H and S finds them (identity first).</summary>
    public static ImmutableArray<OneQubitClass> All => Table.All;

    /// <summary>The matrix of <see cref="Word"/> (one of the phases the class allows).</summary>
    public GateMatrix Matrix()
    {
        var m = GateMatrix.Identity(1);
        foreach (char c in Word)
        {
            m = (c == 'H' ? GateLibrary.H : GateLibrary.Phase(Math.PI / 2)).Multiply(m);
        }
        return m;
    }

    /// <summary>The class of a one-qubit unitary, or null when it is not Clifford (up to global phase).</summary>
    public static OneQubitClass? Classify(GateMatrix u)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (u.Qubits != 1)
        {
            throw new ArgumentException("a one-qubit matrix is needed", nameof(u));
        }
        if (Image(u, GateLibrary.X) is not { } x || Image(u, GateLibrary.Z) is not { } z)
        {
            return null;
        }
        return Table.ByImages.TryGetValue((x, z), out var c) ? c : null;
    }

    public static OneQubitClass Of(SignedPauli imageOfX, SignedPauli imageOfZ) =>
        Table.ByImages.TryGetValue((imageOfX, imageOfZ), out var c) ? c : throw new ArgumentException("the images of X and Z must be anticommuting Paulis");

    public override string ToString() => $"X→{ImageOfX}, Z→{ImageOfZ} ({(Word.Length == 0 ? "identity" : Word)})";

    /// <summary>U·P·U† as a signed Pauli, or null when it is none.</summary>
    internal static SignedPauli? Image(GateMatrix u, GateMatrix p)
    {
        var m = u.Multiply(p).Multiply(u.Adjoint());
        foreach (char letter in "XYZ")
        {
            var pauli = letter switch { 'X' => GateLibrary.X, 'Y' => GateLibrary.Y, _ => GateLibrary.Z };
            for (int s = 0; s < 2; s++)
            {
                Complex sign = s == 0 ? 1 : -1;
                if (Close(m, pauli, sign))
                {
                    return new SignedPauli(letter, s == 1);
                }
            }
        }
        return null;
    }

    private static bool Close(GateMatrix m, GateMatrix pauli, Complex sign)
    {
        for (int r = 0; r < 2; r++)
        {
            for (int c = 0; c < 2; c++)
            {
                if (Complex.Abs(m[r, c] - (sign * pauli[r, c])) > Tolerance)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static class Table
    {
        public static readonly ImmutableArray<OneQubitClass> All = Search();

        public static readonly FrozenDictionary<(SignedPauli, SignedPauli), OneQubitClass> ByImages =
            All.ToFrozenDictionary(c => (c.ImageOfX, c.ImageOfZ));

        // Breadth first, H before S, so each class gets a shortest word and the order is fixed.
        private static ImmutableArray<OneQubitClass> Search()
        {
            var found = new List<OneQubitClass> { new(new('X', false), new('Z', false), "") };
            var seen = new HashSet<(SignedPauli, SignedPauli)> { (found[0].ImageOfX, found[0].ImageOfZ) };
            for (int i = 0; i < found.Count; i++)
            {
                foreach (char g in "HS")
                {
                    var c = found[i];
                    var next = new OneQubitClass(c.ImageOfX.After(g), c.ImageOfZ.After(g), c.Word + g);
                    if (seen.Add((next.ImageOfX, next.ImageOfZ)))
                    {
                        found.Add(next);
                    }
                }
            }
            return [.. found];
        }
    }
}
