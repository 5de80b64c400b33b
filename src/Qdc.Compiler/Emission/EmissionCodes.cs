namespace Qdc.Compiler.Emission;

/// <summary>Diagnostic codes of emitting and re-joining node programs (stable, never reused).</summary>
public static class EmissionCodes
{
    /// <summary>A QPU's native gates cannot express an operation its program needs.</summary>
    public const string NotExpressible = "QDC0800";

    /// <summary>A pair tag or message tag has no partner, or its partner names another peer.</summary>
    public const string Unmatched = "QDC0801";

    /// <summary>A tag is used by more than two calls across the node programs.</summary>
    public const string DuplicateTag = "QDC0802";

    /// <summary>The node programs wait on each other in a cycle.</summary>
    public const string Deadlock = "QDC0803";

    /// <summary>The node programs do not fit together: a missing or repeated QPU, a peer with no program, inconsistent headers.</summary>
    public const string BadNodeSet = "QDC0804";
}
