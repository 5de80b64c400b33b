namespace Qdc.Qasm;

/// <summary>
/// The front end's diagnostic codes. They are stable: scripts and the corpus expectation table
/// match on them, so a code is never reused for another meaning.
/// </summary>
public static class QasmDiagnostics
{
    // Reading the file.
    public const string FileNotFound = "QDC0101";
    public const string InvalidUtf8 = "QDC0102";
    public const string EmptyFile = "QDC0103";

    // Lexing and parsing.
    public const string SyntaxError = "QDC0201";
    public const string UnexpectedCharacter = "QDC0202";
    public const string UnterminatedComment = "QDC0203";
    public const string UnterminatedString = "QDC0204";
    public const string BadVersion = "QDC0205";
    public const string MissingSemicolon = "QDC0206";

    // Names, gates and operands.
    public const string UnknownGate = "QDC0301";
    public const string GateArity = "QDC0302";
    public const string GateParameterCount = "QDC0303";
    public const string IndexOutOfRange = "QDC0304";
    public const string Undeclared = "QDC0305";
    public const string Redeclared = "QDC0306";
    public const string MissingInclude = "QDC0307";
    public const string IncludeCycle = "QDC0308";
    public const string BroadcastMismatch = "QDC0309";
    public const string DuplicateOperand = "QDC0310";
    public const string LowercaseRequired = "QDC0311";
    public const string NotAQubit = "QDC0312";
    public const string NotClassical = "QDC0313";
    public const string MeasureSizeMismatch = "QDC0314";
    public const string BadRegisterSize = "QDC0315";
    public const string IncludeNotAtTop = "QDC0316";
    public const string GateBodyStatement = "QDC0317";
    public const string OpaqueGate = "QDC0318";
    public const string MissingInput = "QDC0319";
    public const string AssignToConst = "QDC0320";

    // Constant expressions.
    public const string DivisionByZero = "QDC0401";
    public const string NotConstant = "QDC0402";
    public const string TypeMismatch = "QDC0403";
    public const string UnknownFunction = "QDC0404";
    public const string BadArgument = "QDC0405";
    public const string LoopLimit = "QDC0406";
    public const string TooManyErrors = "QDC0407";

    // Constructs qdc does not compile.
    public const string Unsupported = "QDC0350";

    // Node programs (read with QasmOptions.NodeProgram): their network calls and pragma header.
    public const string UnknownPeer = "QDC0360";
    public const string DuplicateTag = "QDC0361";
    public const string NetworkArity = "QDC0362";
    public const string BadNodeHeader = "QDC0363";
}
