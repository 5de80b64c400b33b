namespace Qdc.Compiler.Partitioning;

/// <summary>How a two-qubit gate acts on one of its qubits, which decides which runs it may join.</summary>
public enum InteractionKind
{
    /// <summary>Commutes with Z on that qubit (diagonal there: cz, cp, rzz, the control of cx): one cat-entangled copy serves a run.</summary>
    Diagonal,

    /// <summary>Commutes with X on that qubit (the target of cx, crx): the same after H on both sides of the run.</summary>
    XType,

    /// <summary>Neither (swap, the target of ch or cu3): the gate stands alone on that qubit.</summary>
    Other,
}
