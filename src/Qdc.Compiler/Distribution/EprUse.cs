namespace Qdc.Compiler.Distribution;

/// <summary>What a consumed EPR pair was for, so reports can count telegates and teleports apart.</summary>
public enum EprUse
{
    /// <summary>A cat-entangled copy of a qubit (a telegate run, or one hop of its relay).</summary>
    CatEntangle,

    /// <summary>One hop of a teleportation (teledata).</summary>
    Teleport,
}
