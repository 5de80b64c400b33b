namespace Qdc.Compiler.Distribution;

/// <summary>
/// One Bell pair consumed by a distributed program: made on <see cref="Link"/> between
/// communication qubit <see cref="QubitA"/> on QPU <see cref="QpuA"/> and <see cref="QubitB"/> on
/// <see cref="QpuB"/> (or, when teledata brings a qubit home, that qubit's own freed data qubit).
/// In the program it is the four operations reset a; reset b; h a; cx a, b,
/// starting at <see cref="Operation"/>, so a scheduler or emitter can find and replace them.
/// </summary>
public sealed record EprPair(int Index, int Link, int QpuA, int QpuB, int QubitA, int QubitB, int Operation, EprUse Use = EprUse.CatEntangle)
{
    /// <summary>How many operations of the program stand for one pair.</summary>
    public const int OperationCount = 4;

    /// <summary>A name unique in the program, for matching both halves across per-QPU programs.</summary>
    public string Tag => $"epr{Index}";
}
