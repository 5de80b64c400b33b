namespace Qdc.Compiler.Distribution;

/// <summary>How the lowering carries a qubit's remote gates across the network.</summary>
public enum DistributionStrategy
{
    /// <summary>Cat-entangled copies only: the ebits are exactly the partitioner's objective.</summary>
    Telegate,

    /// <summary>
    /// Telegates, except where a qubit's consecutive runs all execute on one other QPU and
    /// teleporting it there and back (two pairs per hop) costs fewer ebits than a copy per run.
    /// </summary>
    Auto,

    /// <summary>
    /// Teleport-based wherever possible: every sequence of runs executed on one other QPU moves the
    /// qubit there and back; only runs spread over several QPUs stay telegates.
    /// </summary>
    Teledata,
}
