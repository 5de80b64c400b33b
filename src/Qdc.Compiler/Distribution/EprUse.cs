namespace Qdc.Compiler.Distribution;

/// <summary>What a consumed EPR pair was for, so reports can count telegates and teleports apart.</summary>
public enum EprUse
{
    /// <summary>A cat-entangled copy of a qubit (a telegate run, one hop of its relay, or one link of a swapped pair).</summary>
    CatEntangle,

    /// <summary>One link of a teleportation (teledata), hop by hop or swapped.</summary>
    Teleport,
}
