namespace Qdc.Compiler.Scheduling;

/// <summary>Which recurrence protocol purifies a link's pairs when they are worse than the requested fidelity.</summary>
public enum DistillationProtocol
{
    /// <summary>Deutsch et al. 1996 (PRL 77, 2818): bilateral π/2 rotations before the CNOTs; converges faster.</summary>
    Dejmps,

    /// <summary>Bennett et al. 1996 (PRL 76, 722): random bilateral twirl back to a Werner state each round.</summary>
    Bbpssw,
}
