using System.Collections.Immutable;

namespace Qdc.Simulation.Stabilizer;

/// <summary>
/// A stabilizer group in canonical form: generators in reduced row-echelon form over the columns
/// X₀, Z₀, X₁, Z₁, …, each with the sign it has in the group. Two groups are equal exactly when
/// their canonical generators are, signs included (rows are multiplied as Paulis, so the signs
/// are those of real group elements, not of bit vectors).
/// </summary>
public sealed class StabilizerGroup
{
    private StabilizerGroup(int qubits, ImmutableArray<PauliString> generators)
    {
        QubitCount = qubits;
        Generators = generators;
    }

    public int QubitCount { get; }

    public ImmutableArray<PauliString> Generators { get; }

    /// <summary>The state's stabilizer group.</summary>
    public static StabilizerGroup Of(Tableau tableau)
    {
        ArgumentNullException.ThrowIfNull(tableau);
        var rows = new PauliRows(tableau.QubitCount);
        for (int i = 0; i < tableau.QubitCount; i++)
        {
            rows.Add(tableau.Stabilizer(i));
        }
        rows.Eliminate(NaturalOrder(tableau.QubitCount));
        return new StabilizerGroup(tableau.QubitCount, rows.ToPauliStrings());
    }

    /// <summary>
    /// The subgroup of the state's stabilizers that act only on <paramref name="keep"/>, renumbered so
    /// that keep[j] is qubit j. The state is a product of a state on those qubits and one on the
    /// rest exactly when the subgroup has keep.Count generators (<see cref="IsComplete"/>).
    /// </summary>
    public static StabilizerGroup Restricted(Tableau tableau, IReadOnlyList<int> keep)
    {
        ArgumentNullException.ThrowIfNull(tableau);
        ArgumentNullException.ThrowIfNull(keep);
        int n = tableau.QubitCount;
        var rows = new PauliRows(n);
        for (int i = 0; i < n; i++)
        {
            rows.Add(tableau.Stabilizer(i));
        }
        var kept = new HashSet<int>(keep);
        // The other qubits' columns first: every generator touching them gets a pivot there, and
        // the generators after those are exactly the ones supported on keep.
        var order = new List<(int, bool)>();
        foreach (int q in Enumerable.Range(0, n).Where(q => !kept.Contains(q)))
        {
            order.Add((q, true));
            order.Add((q, false));
        }
        int outside = rows.Eliminate(order);
        var restricted = new PauliRows(keep.Count);
        for (int r = outside; r < rows.Count; r++)
        {
            if (!rows.IsIdentity(r))
            {
                restricted.Add(rows.Select(r, keep));
            }
        }
        restricted.Eliminate(NaturalOrder(keep.Count));
        return new StabilizerGroup(keep.Count, restricted.ToPauliStrings());
    }

    /// <summary>True when the generators fix one state (as many independent generators as qubits).</summary>
    public bool IsComplete => Generators.Length == QubitCount;

    /// <summary>The first canonical generator that differs from <paramref name="other"/>'s, or -1 when the groups are equal.</summary>
    public int FirstDifference(StabilizerGroup other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int common = Math.Min(Generators.Length, other.Generators.Length);
        for (int i = 0; i < common; i++)
        {
            if (!Generators[i].Equals(other.Generators[i]))
            {
                return i;
            }
        }
        return Generators.Length == other.Generators.Length && QubitCount == other.QubitCount ? -1 : common;
    }

    private static List<(int Qubit, bool X)> NaturalOrder(int n)
    {
        var order = new List<(int, bool)>(2 * n);
        for (int q = 0; q < n; q++)
        {
            order.Add((q, true));
            order.Add((q, false));
        }
        return order;
    }
}
