namespace Qdc.Compiler.Topology;

/// <summary>The JSON value kinds, named as JSON Schema's "type" keyword names them.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}
