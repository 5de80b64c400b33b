namespace Qdc.Compiler.Topology;

/// <summary>
/// The stable diagnostic codes for topology files, QDC0501–QDC0599. Scripts and tests match on
/// them: never renumber, only add.
/// </summary>
public static class TopologyDiagnosticCodes
{
    /// <summary>The file cannot be read.</summary>
    public const string CannotRead = "QDC0500";

    /// <summary>Not valid JSON (with the position where the reader gave up).</summary>
    public const string InvalidJson = "QDC0501";

    /// <summary>A value of the wrong JSON type (schema "type").</summary>
    public const string WrongType = "QDC0502";

    /// <summary>A required property is missing (schema "required").</summary>
    public const string MissingProperty = "QDC0503";

    /// <summary>A property the format does not know, with a "did you mean" (schema "additionalProperties": false).</summary>
    public const string UnknownProperty = "QDC0504";

    /// <summary>A number out of range (schema "minimum", "exclusiveMinimum", "maximum").</summary>
    public const string OutOfRange = "QDC0505";

    /// <summary>A value not among the allowed ones, e.g. an unknown platform (schema "enum").</summary>
    public const string NotAllowed = "QDC0506";

    /// <summary>An array with too few or too many items (schema "minItems", "maxItems").</summary>
    public const string WrongItemCount = "QDC0507";

    /// <summary>A string that does not match its pattern, e.g. a QPU id (schema "pattern").</summary>
    public const string BadPattern = "QDC0508";

    /// <summary>A duration that is not a number followed by ns, us (µs), ms or s.</summary>
    public const string BadDuration = "QDC0509";

    /// <summary>Two QPUs with the same id.</summary>
    public const string DuplicateQpu = "QDC0510";

    /// <summary>A link names a QPU that is not defined.</summary>
    public const string UnknownQpu = "QDC0511";

    /// <summary>A link from a QPU to itself.</summary>
    public const string SelfLink = "QDC0512";

    /// <summary>Two links between the same pair of QPUs.</summary>
    public const string DuplicateLink = "QDC0513";

    /// <summary>Some QPUs cannot reach others over any chain of links.</summary>
    public const string Disconnected = "QDC0514";

    /// <summary>An EPR fidelity outside (0, 1].</summary>
    public const string BadFidelity = "QDC0515";

    /// <summary>A QPU with no data qubits (zero or negative capacity).</summary>
    public const string NoCapacity = "QDC0516";

    /// <summary>Warning: swapping is off and some QPU pairs share no link, so their gates must be relayed.</summary>
    public const string NoSwappingNonAdjacent = "QDC0517";

    /// <summary>A property written twice in one object.</summary>
    public const string DuplicateProperty = "QDC0518";

    /// <summary>Warning: T2 greater than 2·T1, which no physical qubit shows.</summary>
    public const string UnphysicalCoherence = "QDC0519";

    /// <summary>Every code with a one-line meaning, for documentation and tests.</summary>
    public static IReadOnlyList<(string Code, string Meaning)> All { get; } =
    [
        (CannotRead, "the file cannot be read"),
        (InvalidJson, "invalid JSON syntax"),
        (WrongType, "a value of the wrong JSON type"),
        (MissingProperty, "a required property is missing"),
        (UnknownProperty, "an unknown property (with a suggestion)"),
        (OutOfRange, "a number out of range"),
        (NotAllowed, "a value not among the allowed ones"),
        (WrongItemCount, "an array with too few or too many items"),
        (BadPattern, "a string that does not match its pattern"),
        (BadDuration, "a malformed duration or unknown unit"),
        (DuplicateQpu, "two QPUs with the same id"),
        (UnknownQpu, "a link names an undefined QPU"),
        (SelfLink, "a link from a QPU to itself"),
        (DuplicateLink, "two links between the same QPUs"),
        (Disconnected, "the QPU graph is disconnected"),
        (BadFidelity, "an EPR fidelity outside (0, 1]"),
        (NoCapacity, "a QPU with no data qubits"),
        (NoSwappingNonAdjacent, "warning: swapping off and some QPUs share no link"),
        (DuplicateProperty, "a property written twice in one object"),
        (UnphysicalCoherence, "warning: T2 > 2·T1"),
    ];
}
