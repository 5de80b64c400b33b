namespace Qdc.Compiler.Distribution;

/// <summary>
/// One entanglement swap: on QPU <see cref="Qpu"/>, a Bell measurement of its halves
/// <see cref="QubitA"/> (of pair <see cref="PairA"/>, towards the near end) and
/// <see cref="QubitB"/> (of pair <see cref="PairB"/>, towards the far end) joins the two pairs
/// into one between their outer ends. In the program it is cx a, b; h a; measure a; measure b,
/// starting at <see cref="Operation"/>; the far end, QPU <see cref="FarQpu"/>, receives both bits
/// and applies X (if <see cref="XClbit"/>) and Z (if <see cref="ZClbit"/>) to its half.
/// </summary>
public sealed record EntanglementSwap(
    int Index,
    int Qpu,
    int FarQpu,
    int PairA,
    int PairB,
    int QubitA,
    int QubitB,
    int ZClbit,
    int XClbit,
    int Operation)
{
    /// <summary>How many operations of the program stand for the Bell measurement.</summary>
    public const int OperationCount = 4;

    /// <summary>A name unique in the program, for schedule.json.</summary>
    public string Tag => $"swap{Index}";
}
